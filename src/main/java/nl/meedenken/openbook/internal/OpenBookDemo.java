package nl.meedenken.openbook.internal;

import nl.meedenken.organisation.DemoCompanyCreated;
import nl.meedenken.organisation.People;
import nl.meedenken.organisation.PersonSummary;
import nl.meedenken.platform.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Two years of figures for the demo company: a carrier with about € 400,000 revenue a month,
 * a thin margin, fuel prices that bite in winter, and a management that explains each month.
 */
@Component
class OpenBookDemo {

    private static final Map<CostCategory, Double> SHARE = Map.of(CostCategory.PERSONNEL, 0.43,
            CostCategory.FUEL, 0.18, CostCategory.VEHICLES, 0.12, CostCategory.BUILDINGS, 0.06,
            CostCategory.SUBCONTRACTING, 0.11, CostCategory.ICT, 0.03, CostCategory.OTHER, 0.04);

    private static final List<String> EXPLANATIONS = List.of(
            "Het was een drukke maand. We reden meer ritten dan gepland, daarom was er meer omzet. Door de extra ritten waren ook de kosten voor brandstof hoger.",
            "De omzet was lager dan vorige maand, omdat een grote klant minder bestelde. We hebben minder uitzendkrachten ingehuurd om de kosten te beperken.",
            "Twee vrachtwagens moesten lang naar de garage. Dat kostte extra onderhoud en we moesten ritten uitbesteden. Daardoor bleef er minder over.",
            "Een goede maand: de nieuwe klant in Venlo draait mee en er was weinig schade. Dank aan iedereen die meedacht over de planning.",
            "De diesel werd duurder. We kijken samen met de chauffeurs hoe we zuiniger kunnen rijden, want elke liter telt.",
            "In de vakantie reden we minder ritten, maar de vaste kosten liepen door. Daarom was het resultaat deze maand negatief. Dat hoort bij de zomer.");

    private final Months months;
    private final Figures figures;
    private final FigureQuestions questions;
    private final People people;
    private final Clock clock;

    OpenBookDemo(Months months, Figures figures, FigureQuestions questions, People people, Clock clock) {
        this.months = months;
        this.figures = figures;
        this.questions = questions;
        this.people = people;
        this.clock = clock;
    }

    @EventListener
    void on(DemoCompanyCreated created) {
        Random random = new Random(42);
        YearMonth last = YearMonth.now(clock.withZone(ZoneId.of("Europe/Amsterdam"))).minusMonths(1);
        long latestId = 0;
        for (int i = 23; i >= 0; i--) {
            YearMonth month = last.minusMonths(i);
            boolean summer = month.getMonthValue() == 7 || month.getMonthValue() == 8;
            boolean winter = month.getMonthValue() <= 2 || month.getMonthValue() == 12;
            double growth = 1 + (23 - i) * 0.004;
            double normal = 395_000 * growth * (0.96 + random.nextDouble() * 0.08);
            double revenue = normal * (summer ? 0.86 : 1);
            Map<CostCategory, BigDecimal> costs = new EnumMap<>(CostCategory.class);
            for (CostCategory c : CostCategory.values()) {
                // fuel and subcontracting follow the work; the rest is fixed, also in a quiet summer
                boolean variable = c == CostCategory.FUEL || c == CostCategory.SUBCONTRACTING;
                double base = (variable ? revenue : normal) * SHARE.get(c);
                if (c == CostCategory.FUEL && winter) {
                    base *= 1.08;
                }
                costs.put(c, euros(base * (0.985 + random.nextDouble() * 0.03)));
            }
            BigDecimal totalCosts = costs.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean loss = euros(revenue).compareTo(totalCosts) < 0;
            // the explanation fits the month: good news for a good month, reasons for a bad one
            String explanation = loss ? (summer ? EXPLANATIONS.get(5) : EXPLANATIONS.get(1 + random.nextInt(2)))
                    : EXPLANATIONS.get(random.nextBoolean() ? 0 : 3 + random.nextInt(2));
            long id = months.create(new Months.Entry(month, null, euros(revenue), costs, explanation), "demo");
            months.publish(id, "demo");
            latestId = id;
            figures.recordShopFloor(new ShopFloor(month, round(91 + random.nextDouble() * 6),
                    round(29 + random.nextDouble() * 3 + (winter ? 1.2 : 0)), random.nextInt(6), "manual"));
        }
        figures.steerOn(KeyFigure.RESULT_MARGIN, 4.0);
        List<PersonSummary> drivers = people.withRole(Role.DRIVER);
        long asked = questions.ask("Waarom zijn de kosten voor onderhoud zo hoog deze maand?",
                drivers.isEmpty() ? null : drivers.get(0).id().value(), latestId);
        questions.answer(asked, "Twee trekkers hadden een grote beurt en nieuwe banden nodig. Dat komt eens in de "
                + "paar jaar voor. Volgende maand verwachten we weer normale kosten.", "Ingrid van den Berg");
        long second = questions.ask("Gaat het slechte resultaat in de zomer ten koste van onze bonus?", null, latestId);
        questions.answer(second, "Nee. We kijken naar het hele jaar, niet naar één maand. De zomer is altijd rustiger.",
                "Marco Smit");
        long third = questions.ask("Wat betekent 'uitbesteed vervoer' precies?", null, latestId);
        questions.answer(third, "Dat zijn ritten die een ander transportbedrijf voor ons rijdt, als wij zelf geen "
                + "wagen of chauffeur vrij hebben.", "Ingrid van den Berg");
        questions.ask("Kunnen we zien hoeveel we per kilometer verdienen?", null, latestId);
    }

    private static BigDecimal euros(double value) {
        return BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
