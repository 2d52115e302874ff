package nl.meedenken.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a busy data directory into a short explanation instead of a stack trace. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(
                "Meedenken did not start: another Meedenken process is already using the database files in "
                        + cause.dataDirectory() + ". Two database servers on the same files would damage them.",
                "Stop the other process first (it may still be running in another terminal), or start this one with"
                        + " its own directory: ./mvnw spring-boot:run -Dspring-boot.run.arguments=--meedenken.embedded.data-dir=data/other",
                cause);
    }
}
