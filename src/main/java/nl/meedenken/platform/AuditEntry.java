package nl.meedenken.platform;

import java.time.Instant;

/** One line of the audit log. */
public record AuditEntry(long id, Instant occurredAt, Type type, String actor, String subject, String address,
                         String detail) {

    public enum Type {
        LOGIN_SUCCEEDED,
        LOGIN_FAILED,
        ACCOUNT_LOCKED,
        ADDRESS_THROTTLED,
        ACCOUNT_CREATED,
        ACTIVATION_CODE_ISSUED,
        ACCOUNT_ACTIVATED,
        PASSWORD_RESET_ISSUED,
        PASSWORD_CHANGED,
        ACCOUNT_UNLOCKED,
        ROLES_CHANGED,
        PERSON_CREATED,
        PERSON_CHANGED,
        PERSON_DEACTIVATED,
        PERSON_REACTIVATED,
        PEOPLE_IMPORTED,
        FIRST_ADMIN_CREATED,
        FIGURES_PUBLISHED,
        FEEDBACK_ROUND_STARTED,
        FEEDBACK_ROUND_SHARED,
        FEEDBACK_ROUND_UNSHARED,
        FEEDBACK_ROUND_READ,
        DRIVING_AGREEMENT_DRAFTED,
        DRIVING_AGREEMENT_CONSENTED,
        DRIVING_AGREEMENT_ENDED,
        DRIVING_AGREEMENT_DISCARDED,
        DRIVING_CARD_MAPPED,
        DRIVING_DATA_DELETED,
        ROUTING_PROPOSAL_APPLIED,
        SCAN_CAMPAIGN_CREATED,
        SCAN_CAMPAIGN_OPENED,
        SCAN_CAMPAIGN_CLOSED,
        SCAN_CODES_REQUESTED,
        SCAN_CODES_COSIGNED,
        SCAN_CODES_DECLINED,
        SCAN_CODES_ISSUED,
        SCAN_CODE_SETTING_CHANGED,
        SCAN_RESULTS_EXPORTED,
        GUEST_POSTER_RENEWED;

        public String labelKey() {
            return "audit.type." + name();
        }
    }
}
