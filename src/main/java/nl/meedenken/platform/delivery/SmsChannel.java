package nl.meedenken.platform.delivery;

import nl.meedenken.platform.Recipients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Text messages to the phone number in the person's record, through {@link TextMessages}: the notification's
 * text and the link, in at most three parts.
 */
@Component
class SmsChannel implements Channel, Reachable {

    private final TextMessages texts;
    private final ObjectProvider<Recipients> recipients;
    private final String countryCode;

    SmsChannel(TextMessages texts, ObjectProvider<Recipients> recipients,
               @Value("${meedenken.sms.country-code:31}") String countryCode) {
        this.texts = texts;
        this.recipients = recipients;
        this.countryCode = countryCode;
    }

    @Override
    public String name() {
        return "sms";
    }

    /** Always: without a gateway the log-only adapter writes what it would have sent. */
    @Override
    public boolean ready() {
        return true;
    }

    @Override
    public boolean reaches(long personId) {
        return number(personId).isPresent();
    }

    @Override
    public void send(Message message) throws Failed {
        String to = number(message.personId()).orElseThrow(() -> new Failed("the person has no usable phone number", false));
        texts.send(to, SmsText.fit(message.text(), message.link()));
    }

    private Optional<String> number(long personId) {
        Recipients known = recipients.getIfAvailable();
        return known == null ? Optional.empty() : known.find(personId).filter(Recipients.Recipient::hasPhone)
                .flatMap(r -> SmsText.international(r.phone(), countryCode));
    }
}
