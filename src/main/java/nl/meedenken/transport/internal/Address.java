package nl.meedenken.transport.internal;

import java.time.LocalTime;

/** A place where a customer receives goods, with its usual opening hours. */
public record Address(long id, long customerId, String customerName, String name, String street, String postcode,
                      String city, String country, double latitude, double longitude, LocalTime opensAt,
                      LocalTime closesAt, String hoursNote) {

    /** A link that opens the phone's navigation app at this place. */
    public String geo() {
        String label = java.net.URLEncoder.encode(street + ", " + postcode + " " + city, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        return "geo:" + latitude + "," + longitude + "?q=" + latitude + "," + longitude + "(" + label + ")";
    }

    public String oneLine() {
        return street + ", " + postcode + " " + city;
    }
}
