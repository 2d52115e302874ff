/**
 * Web Push (RFC 8030) to the devices people opted in on: the VAPID keys every node signs with, the
 * subscriptions per device, and the "push" delivery channel.
 */
package nl.meedenken.platform.push;
