package nl.meedenken.ideas;

import java.util.Optional;

/**
 * Something of another module an idea can be about, such as a driving data agreement. The module
 * that owns it offers a bean; the ideas module stores only the kind, the id and the title.
 */
public interface IdeaSubject {

    /** A short name for the kind of thing, used in links: {@code /ideas/new?subject=kind&subjectId=id}. */
    String kind();

    /** The title to show, or empty when there is no such thing (any more). */
    Optional<String> title(long id);

    /** Where the thing can be read. */
    String path(long id);
}
