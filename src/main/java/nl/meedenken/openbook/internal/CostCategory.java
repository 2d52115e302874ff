package nl.meedenken.openbook.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where the money goes. The CSV column names are the lower-case names. */
public enum CostCategory {
    PERSONNEL, FUEL, VEHICLES, BUILDINGS, SUBCONTRACTING, ICT, OTHER;

    public String labelKey() {
        return "openbook.cost." + name();
    }

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A colour per category for the picture, the same everywhere. */
    public String colour() {
        return switch (this) {
            case PERSONNEL -> "#1f4e8c";
            case FUEL -> "#e8731a";
            case VEHICLES -> "#5b8fd1";
            case BUILDINGS -> "#8a6d3b";
            case SUBCONTRACTING -> "#7b5ea7";
            case ICT -> "#2a9d8f";
            case OTHER -> "#8a94a3";
        };
    }

    public static Optional<CostCategory> fromColumn(String column) {
        return Arrays.stream(values()).filter(c -> c.column().equals(column)).findFirst();
    }
}
