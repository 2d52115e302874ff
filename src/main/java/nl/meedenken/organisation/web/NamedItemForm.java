package nl.meedenken.organisation.web;

/** The form for a team or a site: a name, an optional site or city, and whether it is in use. */
public record NamedItemForm(String name, Long siteId, String city, Boolean active) {

    static NamedItemForm empty() {
        return new NamedItemForm("", null, "", true);
    }

    public boolean isActive() {
        return active == null || active;
    }
}
