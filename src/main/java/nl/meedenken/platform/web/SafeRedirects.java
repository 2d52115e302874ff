package nl.meedenken.platform.web;

/** Keeps "go back to where you were" links inside this application. */
final class SafeRedirects {

    private SafeRedirects() {
    }

    static String localPath(String candidate) {
        if (candidate == null || candidate.isBlank() || !candidate.startsWith("/") || candidate.startsWith("//")
                || candidate.contains("\\") || candidate.contains("\r") || candidate.contains("\n")
                || candidate.startsWith("/language")) {
            return "/";
        }
        return candidate;
    }
}
