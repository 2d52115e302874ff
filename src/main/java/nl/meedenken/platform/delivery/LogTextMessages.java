package nl.meedenken.platform.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends nothing: writes that it would have sent a text message, to a masked number and without the text. */
final class LogTextMessages implements TextMessages {

    private static final Logger log = LoggerFactory.getLogger(LogTextMessages.class);

    @Override
    public boolean real() {
        return false;
    }

    @Override
    public void send(String to, String text) {
        log.info("Would have sent a text message of {} parts to {} (meedenken.sms.provider=log)",
                SmsText.parts(text), SmsText.masked(to));
    }
}
