package nl.meedenken.platform.delivery;

/**
 * One way a notification reaches a person outside the app: e-mail, a text message (SMS) or a push
 * message to a device. The delivery queue ({@code Deliveries}) calls {@link #send} from a job that
 * runs once across all nodes and retries what failed for a reason that may pass.
 */
public interface Channel {

    /** The channel's name as stored with each delivery and each person's choice: mail, sms or push. */
    String name();

    /** Whether the channel is set up on this installation (an SMTP server, an SMS gateway, push keys). */
    boolean ready();

    /** Sends one message; throws {@link Failed} when it did not go out. */
    void send(Message message) throws Failed;

    /**
     * What to send, already in the person's language: a short title, the text, and the address in the
     * app it is about (absolute, starting with the public URL).
     */
    record Message(long deliveryId, long personId, java.util.Locale locale, String title, String text, String link) {
    }

    /** A send that did not work; {@code retry} when trying again later may help (a timeout, a 5xx, a 429). */
    final class Failed extends Exception {
        private final boolean retry;

        public Failed(String reason, boolean retry) {
            super(reason);
            this.retry = retry;
        }

        public boolean retry() {
            return retry;
        }
    }
}
