package nl.meedenken.platform.delivery;

/**
 * Sends one text message (SMS) through a gateway. Adapters: {@code log} (the default: writes to the log that
 * it would have sent, the number masked), {@code http} (a generic JSON/HTTP gateway) and {@code messagebird}
 * (MessageBird's REST API), chosen with {@code meedenken.sms.provider}.
 */
public interface TextMessages {

    /** Whether messages really leave (false for the log-only adapter). */
    boolean real();

    /**
     * Sends {@code text} to {@code to} (international, +31612345678); throws {@link Channel.Failed}, with
     * {@code retry} for a timeout, a 5xx or a 429, without for any other refusal.
     */
    void send(String to, String text) throws Channel.Failed;
}
