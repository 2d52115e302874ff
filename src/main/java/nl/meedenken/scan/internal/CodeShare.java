package nl.meedenken.scan.internal;

/**
 * How a closed campaign tells how many of its sheets came by paper code. Both parts of the split
 * (by code and by account) are about people: neither may be stated when it is between 1 and k - 1,
 * because the total is shown next to it and the other part follows by subtraction.
 *
 * @param messageKey the sentence to show; its arguments are {@code byCode}, {@code sheets}, {@code k}
 */
public record CodeShare(String messageKey, int byCode, int sheets, int k) {

    /** The split is stated exactly. */
    public static final String EXACT = "scan.codes.sheetsByCode";
    /** Only "fewer than k came by code". */
    public static final String FEW_BY_CODE = "scan.codes.sheetsByCodeFew";
    /** Only "all but fewer than k came by code". */
    public static final String FEW_BY_ACCOUNT = "scan.codes.sheetsByAccountFew";
    /** Only "one of the two parts is fewer than k". */
    public static final String SPLIT_HIDDEN = "scan.codes.sheetsSplitHidden";

    public static CodeShare of(int byCode, int sheets, int k) {
        int byAccount = sheets - byCode;
        boolean codeSmall = byCode > 0 && byCode < k;
        boolean accountSmall = byAccount > 0 && byAccount < k;
        String key;
        if (!codeSmall && !accountSmall) {
            key = EXACT;
        } else if (sheets < 2 * k - 1) {
            // with few sheets "fewer than k by code" could imply "at least k by account" only for
            // some counts, so each side's own sentence would pin a count down; say only that one is small
            key = SPLIT_HIDDEN;
        } else {
            // from 2k - 1 sheets on, both parts cannot be small at once and each sentence covers
            // every count from 1 to k - 1
            key = codeSmall ? FEW_BY_CODE : FEW_BY_ACCOUNT;
        }
        // the exact count is not even handed to the template when it may not be shown
        return new CodeShare(key, key.equals(EXACT) ? byCode : -1, sheets, k);
    }
}
