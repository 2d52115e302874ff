package nl.meedenken.scan.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CodeShareTest {

    /**
     * For every group size k, every number of sheets a campaign may show and every split, someone
     * who reads the sentence (and knows the rule) must not be able to tell a part smaller than k:
     * every sentence that is about a small part fits at least two splits.
     */
    @Test
    void noSentencePinsDownASmallNumberOfSheetsByCodeOrByAccount() {
        for (int k = Campaigns.LOWEST_MIN_GROUP; k <= 9; k++) {
            for (int sheets = k; sheets <= 80; sheets++) {
                for (int byCode = 0; byCode <= sheets; byCode++) {
                    CodeShare shown = CodeShare.of(byCode, sheets, k);
                    int byAccount = sheets - byCode;
                    boolean small = (byCode > 0 && byCode < k) || (byAccount > 0 && byAccount < k);
                    List<Integer> fitting = fitting(shown, sheets, k);
                    assertThat(fitting).as("k %d, %d sheets, %d by code", k, sheets, byCode).contains(byCode);
                    if (small) {
                        assertThat(fitting).as("k %d, %d sheets, %d by code: %s", k, sheets, byCode, shown)
                                .hasSizeGreaterThan(1);
                        assertThat(shown.byCode()).as("the exact count is not even handed to the page").isNegative();
                    } else {
                        assertThat(shown.messageKey()).as("a split with no small part is told as it is")
                                .isEqualTo(CodeShare.EXACT);
                        assertThat(shown.byCode()).isEqualTo(byCode);
                    }
                }
            }
        }
    }

    @Test
    void aLargeCampaignSaysWhichSideIsSmall() {
        assertThat(CodeShare.of(2, 200, 5).messageKey()).isEqualTo(CodeShare.FEW_BY_CODE);
        assertThat(CodeShare.of(198, 200, 5).messageKey()).isEqualTo(CodeShare.FEW_BY_ACCOUNT);
        assertThat(CodeShare.of(5, 6, 5).messageKey()).isEqualTo(CodeShare.SPLIT_HIDDEN);
    }

    private static List<Integer> fitting(CodeShare shown, int sheets, int k) {
        List<Integer> fit = new ArrayList<>();
        for (int c = 0; c <= sheets; c++) {
            if (CodeShare.of(c, sheets, k).equals(shown)) {
                fit.add(c);
            }
        }
        return fit;
    }
}
