package nl.meedenken.openbook.internal;

/** The numbers management can choose to steer on, each with its unit and which way is good. */
public enum KeyFigure {
    RESULT_MARGIN("%", true),
    PERSONNEL_SHARE("%", false),
    FUEL_SHARE("%", false),
    ON_TIME("%", true),
    FUEL_USE("l/100 km", false);

    private final String unit;
    private final boolean higherIsBetter;

    KeyFigure(String unit, boolean higherIsBetter) {
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
    }

    public String unit() {
        return unit;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public String labelKey() {
        return "openbook.key." + name();
    }

    /** The value for a month, or null when that month lacks the figure. */
    public Double value(MonthFigures money, ShopFloor shopFloor) {
        return switch (this) {
            case RESULT_MARGIN -> money.margin();
            case PERSONNEL_SHARE -> money.share(CostCategory.PERSONNEL);
            case FUEL_SHARE -> money.share(CostCategory.FUEL);
            case ON_TIME -> shopFloor == null ? null : shopFloor.onTimePct();
            case FUEL_USE -> shopFloor == null ? null : shopFloor.fuelPer100Km();
        };
    }

    public boolean onTarget(double value, double target) {
        return higherIsBetter ? value >= target : value <= target;
    }
}
