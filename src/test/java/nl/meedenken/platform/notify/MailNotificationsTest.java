package nl.meedenken.platform.notify;

import nl.meedenken.platform.Notifications;
import nl.meedenken.platform.SignedInUser;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

/** With SMTP configured, a notification also goes out by e-mail (through the delivery queue), in the person's language. */
@SpringBootTest
class MailNotificationsTest {

    @MockitoBean
    JavaMailSender mail;
    @Autowired
    Notifications notifications;
    @Autowired
    UserDetailsService users;
    @Autowired
    nl.meedenken.platform.delivery.Deliveries deliveries;

    @Test
    void aNotificationIsAlsoMailedToAPersonWithAnAddress() {
        long manager = ((SignedInUser) users.loadUserByUsername("manager")).personId();
        assertThat(notifications.mailOn()).isTrue();
        notifications.tell(List.of(manager), null, "challenges.notify.closed", "/challenges/7", "Nieuwe vestiging");
        deliveries.run();
        ArgumentCaptor<SimpleMailMessage> sent = ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(mail, atLeastOnce()).send(sent.capture());
        SimpleMailMessage message = sent.getAllValues().get(sent.getAllValues().size() - 1);
        assertThat(message.getTo()).containsExactly("ingrid.vandenberg@devaart.example");
        assertThat(message.getText()).contains("De uitdaging \"Nieuwe vestiging\" is afgesloten.", "/challenges/7");
    }
}
