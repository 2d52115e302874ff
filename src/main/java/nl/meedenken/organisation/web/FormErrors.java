package nl.meedenken.organisation.web;

import nl.meedenken.organisation.internal.InvalidInput;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** Puts the reasons a change was refused next to the fields they concern. */
final class FormErrors {

    private FormErrors() {
    }

    static void show(InvalidInput refused, BindingResult result) {
        for (InvalidInput.Problem problem : refused.problems()) {
            result.addError(new FieldError(result.getObjectName(), problem.field(), null, false,
                    new String[]{problem.messageKey()}, problem.arguments(), problem.messageKey()));
        }
    }
}
