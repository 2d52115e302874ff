package nl.meedenken.scan.internal;

import java.util.List;

/** Paper codes for tests outside this package, made without a batch. */
public final class TestCodes {

    private TestCodes() {
    }

    public static List<String> issue(ParticipationCodes codes, long campaignId, int count) {
        return codes.issue(campaignId, count, "http://localhost/scan/answer").stream()
                .map(ParticipationCodes.Slip::code).toList();
    }
}
