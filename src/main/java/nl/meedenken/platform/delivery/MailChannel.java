package nl.meedenken.platform.delivery;

import nl.meedenken.platform.Recipients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** E-mail through the SMTP server of {@code spring.mail.host}; ready when that is set. */
@Component
class MailChannel implements Channel, Reachable {

    private final ObjectProvider<JavaMailSender> mail;
    private final ObjectProvider<Recipients> recipients;
    private final MessageSource messages;
    private final String from;

    MailChannel(ObjectProvider<JavaMailSender> mail, ObjectProvider<Recipients> recipients, MessageSource messages,
                @Value("${meedenken.mail.from:meedenken@localhost}") String from) {
        this.mail = mail;
        this.recipients = recipients;
        this.messages = messages;
        this.from = from;
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public boolean ready() {
        return mail.getIfAvailable() != null;
    }

    @Override
    public boolean reaches(long personId) {
        Recipients known = recipients.getIfAvailable();
        return known != null && known.find(personId).filter(Recipients.Recipient::hasEmail).isPresent();
    }

    @Override
    public void send(Message message) throws Failed {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new Failed("e-mail is not set up (spring.mail.host)", false);
        }
        Recipients known = recipients.getIfAvailable();
        String address = known == null ? null : known.find(message.personId())
                .filter(Recipients.Recipient::hasEmail).map(Recipients.Recipient::email).orElse(null);
        if (address == null) {
            throw new Failed("the person has no e-mail address", false);
        }
        SimpleMailMessage mailed = new SimpleMailMessage();
        mailed.setFrom(from);
        mailed.setTo(address);
        mailed.setSubject(message.title());
        mailed.setText(message.text() + "\n\n"
                + messages.getMessage("notifications.mail.footer", new Object[]{message.link()}, "", message.locale()));
        try {
            sender.send(mailed);
        } catch (MailAuthenticationException | MailParseException | MailPreparationException e) {
            throw new Failed("the mail server refused: " + e.getClass().getSimpleName(), false);
        } catch (MailException e) {
            throw new Failed("the mail server could not take it: " + e.getClass().getSimpleName(), true);
        }
    }
}
