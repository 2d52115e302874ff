package nl.meedenken.browser;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Headless Debian Chromium driven by Selenium, as a person on a phone (360 × 740) or a
 * desktop (1280 × 900) would use the app. Takes full-page screenshots into
 * {@code target/screenshots/} and checks pages with axe-core.
 *
 * <p>Without Chromium the tests are skipped with a reason, except under {@code CI=true}
 * (or {@code -Dmeedenken.browser-tests=required}), where that is a failure.
 */
public final class Browser implements AutoCloseable {

    public static final int PHONE = 360;
    public static final int DESKTOP = 1280;
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private final ChromeDriver driver;
    private final String base;
    private int width = DESKTOP;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Starts Chromium, or skips (locally) or fails (in CI) the calling tests when it is missing. */
    public static Browser start(int port) {
        return start(port, "nl-NL");
    }

    /** A browser whose person asks for the given languages first, e.g. {@code "pl"} or {@code "ar,fr"}. */
    public static Browser start(int port, String languages) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        boolean required = "true".equalsIgnoreCase(System.getenv("CI"))
                || "required".equalsIgnoreCase(System.getProperty("meedenken.browser-tests"));
        if (!present) {
            String reason = "Browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium,"
                    + " /usr/bin/chromedriver): apt-get install -y chromium chromium-driver";
            if (required) {
                Assertions.fail(reason);
            }
            Assumptions.abort("Skipped: " + reason);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,900", "--lang=" + languages.split(",")[0]);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages",
                "nl-NL".equals(languages) ? "nl-NL,nl" : languages));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new Browser(driver, "http://localhost:" + port);
    }

    public Browser size(int newWidth) {
        this.width = newWidth;
        int height = newWidth == PHONE ? 740 : 900;
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(newWidth, height));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", newWidth, "height", height,
                "deviceScaleFactor", 1, "mobile", newWidth < 600));
        return this;
    }

    /** Cuts the network off, or gives it back, as a phone losing its connection would. */
    public void offline(boolean offline) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /**
     * Answers "allow" for this site to a permission the page will ask for (e.g. {@code notifications}),
     * as a person tapping "Allow" would; headless Chromium shows no question to tap.
     */
    public void allow(String permission) {
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("permissions", List.of(permission), "origin", base));
    }

    /** Sends a Chrome DevTools command (user agent, emulated media, …) and gives its answer. */
    public Map<String, Object> devTools(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    /** Runs a script in the page and gives what it returns. */
    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Runs a script in the page that calls back its last argument when it is done, and gives its answer. */
    public Object runAsync(String script, Object... arguments) {
        return driver.executeAsyncScript(script, arguments);
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public void signOutEverywhere() {
        driver.manage().deleteAllCookies();
    }

    public void signIn(String login, String password) {
        open("/login");
        type("username", login);
        type("password", password);
        click(By.cssSelector("form[action='/login'] button[type=submit]"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    /**
     * Signs in and switches the screens to a language from the menu, as a person who reads that
     * language better does (Piotr, who prefers Polish, reading English in a journey about something
     * else). The choice is stored with the person: {@link #forgetScreenChoices} undoes it.
     */
    public void signIn(String login, String password, String readsIn) {
        signIn(login, password);
        chooseLanguage(readsIn);
    }

    /** Back to each demo person's own language, for the tests that come after. */
    public static void forgetScreenChoices(org.springframework.jdbc.core.simple.JdbcClient jdbc, String... logins) {
        for (String login : logins) {
            jdbc.sql("update person set screen_language = null where id = (select person_id from account where lower(login_name) = lower(:l))")
                    .param("l", login).update();
        }
    }

    public void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Sets a field's value as a picker would, for date and time inputs whose typed format follows
     * the browser's locale.
     */
    public void setValue(String id, String value) {
        driver.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    public void click(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                clickOnce(by);
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.JavascriptException e) {
                // the page replaced the element between finding and clicking it (htmx, a late load): find it again
                if (attempt == 3) {
                    throw e;
                }
            } catch (org.openqa.selenium.WebDriverException e) {
                if (attempt == 3 || e.getMessage() == null || !e.getMessage().contains("does not belong to the document")) {
                    throw e;
                }
            }
        }
    }

    private void clickOnce(By by) {
        WebElement element = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(by));
        // the phone viewport is emulated, so bring the element to the middle of it first
        driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        try {
            element.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException e) {
            // headless Chromium sometimes misjudges the emulated phone viewport; a real tap would reach it
            driver.executeScript("arguments[0].click();", element);
        }
    }

    /** Presses a button that sends a form, and waits until the next page has replaced this one. */
    public void submit(String buttonText) {
        clickAndWait(By.xpath("//button[normalize-space(.)='" + buttonText + "']"));
    }

    /** Clicks something that loads a new page, and waits until the old page is gone. */
    public void clickAndWait(By by) {
        WebElement page = driver.findElement(By.tagName("html"));
        click(by);
        waitUntilGone(page);
    }

    /**
     * Waits until the element has left the page. Chromium reports a node of a page that is
     * being replaced either as stale or as "not belonging to the document"; both mean gone.
     */
    public void waitUntilGone(WebElement element) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    public void waitFor(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the page shows the text, without reloading it (see {@link #mark()}). */
    /** Opens the language menu in the top bar and picks a language, as a person would. */
    public void chooseLanguage(String code) {
        click(By.cssSelector("details.lang-menu > summary"));
        clickAndWait(By.cssSelector(".lang-switch button[value='" + code + "']"));
    }

    public void waitForText(String text, Duration atMost) {
        new WebDriverWait(driver, atMost).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        return d.findElement(By.tagName("body")).getText().contains(text);
                    } catch (org.openqa.selenium.WebDriverException e) {
                        // the page was replaced between finding its body and reading it: look again
                        if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                            return false;
                        }
                        throw e;
                    }
                });
    }

    /** Leaves a mark in this page's window; a reload or a new page wipes it. */
    public void mark() {
        driver.executeScript("window.meedenkenMark = true;");
    }

    /** Whether the page is still the one {@link #mark()} marked, changed only in place. */
    public boolean stillMarked() {
        return Boolean.TRUE.equals(driver.executeScript("return window.meedenkenMark === true;"));
    }

    /** Picks an option of a select by its visible text. */
    public void choose(String selectId, String optionText) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(selectId))).selectByVisibleText(optionText);
    }

    public String text() {
        for (int attempt = 1; ; attempt++) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            } catch (org.openqa.selenium.WebDriverException e) {
                // a page that was still being replaced: read the new one
                if (attempt == 3 || e.getMessage() == null || !e.getMessage().contains("does not belong to the document")) {
                    throw e;
                }
            }
        }
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Saves a full-page screenshot as {@code target/screenshots/NAME-WIDTH.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            // from the top, so the sticky top bar is drawn where a person sees it
            driver.executeScript("window.scrollTo({top: 0, behavior: 'instant'});");
            Object data = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true)).get("data");
            Path file = SCREENSHOTS.resolve(name + "-" + width + ".png");
            Files.write(file, Base64.getDecoder().decode((String) data));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs axe-core on the page and fails on serious or critical violations. */
    public void assertAccessible(String page) {
        // a button just clicked may still be fading to its new colours; judge the colours it ends with
        driver.executeScript("document.getAnimations().forEach(a => a.finish());");
        driver.executeScript(axeSource());
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(JSON.stringify(r.violations)))
                   .catch(e => done(JSON.stringify([{impact: 'critical', id: 'axe-error', help: String(e), nodes: []}])));
                """);
        JsonNode violations = JsonMapper.builder().build().readTree((String) result);
        List<String> serious = new ArrayList<>();
        for (JsonNode v : violations) {
            String impact = v.path("impact").asString("");
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                serious.add(impact + " " + v.path("id").asString("") + ": " + v.path("help").asString("") + " at "
                        + targets);
            }
        }
        Assertions.assertTrue(serious.isEmpty(), "Accessibility problems on " + page + " at " + width + " px:\n"
                + String.join("\n", serious));
    }

    /** Whether the page is wider than the screen (sideways scrolling on a phone). */
    public boolean overflowsSideways() {
        Object wide = driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
        return Boolean.TRUE.equals(wide);
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test class path: " + AXE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
