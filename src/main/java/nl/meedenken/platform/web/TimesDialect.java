package nl.meedenken.platform.web;

import nl.meedenken.platform.Times;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import java.util.Set;

/** Makes {@link Times} available to every template as {@code #times}, in the template's language. */
@Component
class TimesDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final String NAME = "times";

    private final Times times;

    TimesDialect(Times times) {
        super("meedenken-times");
        this.times = times;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? times.in(context.getLocale()) : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
