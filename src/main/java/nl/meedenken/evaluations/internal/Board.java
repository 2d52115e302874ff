package nl.meedenken.evaluations.internal;

import nl.meedenken.actions.ActionSummary;

import java.util.List;
import java.util.Map;

/**
 * The board as one participant sees it: per column the card groups with their votes, most
 * votes first, and how many of their three votes this person has left.
 */
public record Board(Session session, Map<CardKind, List<Group>> columns, int votesLeft, long version,
                    int cardCount) {

    /** A card with the cards grouped under it; votes count for the whole group. */
    public record Group(Card head, List<Card> members, int votes, boolean myVote, ActionSummary action) {
    }
}
