package nl.meedenken.driving.web;

import nl.meedenken.driving.internal.Agreement;
import nl.meedenken.driving.internal.Agreements;
import nl.meedenken.ideas.IdeaSubject;
import nl.meedenken.platform.Times;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Lets an idea be about a driving data agreement ("suggest a change to these metrics"). */
@Component
class AgreementSubject implements IdeaSubject {

    private final Agreements agreements;
    private final MessageSource messages;
    private final Times times;

    AgreementSubject(Agreements agreements, MessageSource messages, Times times) {
        this.times = times;
        this.agreements = agreements;
        this.messages = messages;
    }

    @Override
    public String kind() {
        return AgreementController.SUBJECT;
    }

    @Override
    public Optional<String> title(long id) {
        return agreements.find(id).map(this::title);
    }

    private String title(Agreement a) {
        var locale = LocaleContextHolder.getLocale();
        if (a.consentOn() == null) {
            return messages.getMessage("driving.agreement.titleDraft", null, locale);
        }
        String date = times.in(locale).date(a.consentOn());
        return messages.getMessage("driving.agreement.titleConsented", new Object[]{date}, locale);
    }

    @Override
    public String path(long id) {
        return "/driving/agreement";
    }
}
