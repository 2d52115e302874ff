package nl.meedenken.innovations.web;

import nl.meedenken.ideas.IdeaSubject;
import nl.meedenken.innovations.internal.Project;
import nl.meedenken.innovations.internal.Projects;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Lets an idea be about an innovation project. */
@Component
class ProjectSubject implements IdeaSubject {

    private final Projects projects;

    ProjectSubject(Projects projects) {
        this.projects = projects;
    }

    @Override
    public String kind() {
        return InnovationsController.SUBJECT;
    }

    @Override
    public Optional<String> title(long id) {
        return projects.find(id).map(Project::title);
    }

    @Override
    public String path(long id) {
        return "/innovations/" + id;
    }
}
