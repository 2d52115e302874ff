package nl.meedenken.platform.web;

import nl.meedenken.platform.Rounding;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import java.util.Locale;
import java.util.Set;

/**
 * {@code #rounded} in every template: figures rounded and written the one way {@link Rounding} describes, in the
 * reader's language. Templates use it instead of {@code #numbers.formatDecimal}, which rounds half-even and
 * writes ‘-0,0’.
 */
@Component
class RoundingDialect extends AbstractDialect implements IExpressionObjectDialect {

    RoundingDialect() {
        super("rounding");
    }

    /** The expression object: one per template run, in its locale. */
    public record Figures(Locale locale) {

        /** With one decimal: ‘4,1’. */
        public String one(Number value) {
            return Rounding.format(value == null ? null : value.doubleValue(), 1, locale);
        }

        /** Whole: ‘412.000’. */
        public String whole(Number value) {
            return Rounding.format(value == null ? null : value.doubleValue(), 0, locale);
        }

        /** A share as a whole percentage: ‘62%’. */
        public String percent(Number fraction) {
            return Rounding.percent(fraction == null ? null : fraction.doubleValue(), locale);
        }

        /** With the given decimals. */
        public String decimals(Number value, int decimals) {
            return Rounding.format(value == null ? null : value.doubleValue(), decimals, locale);
        }

        /** The change between two shown one-decimal values, as a number (for choosing an arrow). */
        public Double change(Number before, Number now) {
            return Rounding.change(before == null ? null : before.doubleValue(), now == null ? null : now.doubleValue());
        }

        /** The change between two shown one-decimal values, written with a sign. */
        public String signed(Number before, Number now) {
            return Rounding.signed(change(before, now), locale);
        }
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("rounded");
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return new Figures(context.getLocale());
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return false;
            }
        };
    }
}
