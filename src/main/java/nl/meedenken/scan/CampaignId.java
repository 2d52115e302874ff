package nl.meedenken.scan;

/** Identifies one scan campaign. */
public record CampaignId(long value) {
}
