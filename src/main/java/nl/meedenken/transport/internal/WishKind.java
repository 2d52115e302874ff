package nl.meedenken.transport.internal;

/** What a customer wish is about. */
public enum WishKind {
    ACCESS("signpost-split"), TIMING("clock"), CONTACT("telephone"), HANDLING("box-seam"), OTHER("chat-text");

    private final String icon;

    WishKind(String icon) {
        this.icon = icon;
    }

    public String icon() {
        return icon;
    }

    public String labelKey() {
        return "transport.wish.kind." + name();
    }
}
