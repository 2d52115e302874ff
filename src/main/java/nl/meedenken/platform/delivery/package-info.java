/**
 * The delivery queue: what leaves the app (e-mail, text messages, push) waits in an outbox and is sent by a
 * cluster-safe job with retries, through the channels each person chose per kind of notification.
 */
@org.springframework.modulith.NamedInterface("delivery")
package nl.meedenken.platform.delivery;
