package nl.meedenken.openbook;

import nl.meedenken.openbook.internal.Figures;
import nl.meedenken.openbook.internal.ShopFloor;
import org.springframework.stereotype.Service;

import java.time.YearMonth;

/**
 * What other modules may tell the open book: the shop floor's figures of a month. The
 * transport module will supply on-time delivery, the driving module fuel use; until then
 * management enters them by hand. A value left empty keeps what was there.
 */
@Service
public class OpenBook {

    private final Figures figures;

    OpenBook(Figures figures) {
        this.figures = figures;
    }

    public void recordShopFloorFigures(YearMonth month, Double onTimePercentage, Double fuelLitresPer100Km,
                                       Integer damageReports, String source) {
        figures.recordShopFloor(new ShopFloor(month, onTimePercentage, fuelLitresPer100Km, damageReports, source));
    }
}
