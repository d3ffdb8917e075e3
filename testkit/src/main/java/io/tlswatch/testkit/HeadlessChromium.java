package io.tlswatch.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for tests of the pages we make: Debian's {@code chromium}, headless, driven by
 * Selenium through {@code chromedriver} (Debian's {@code chromium-driver}), both installed by
 * {@code .ci/run}. On a machine without them {@link #start()} skips the calling test with the reason.
 * Each instance has a fresh profile folder, deleted on {@link #close()}; the browser starts with
 * {@code --headless --no-sandbox --disable-gpu --disable-background-networking}, and Selenium is
 * given both programs' paths, so nothing is looked up or downloaded from the network.
 */
public final class HeadlessChromium implements AutoCloseable {
    /** Programs looked for, in order, when no path is given by {@code TLSWATCH_CHROMIUM} / {@code TLSWATCH_CHROMEDRIVER}. */
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    private static final List<String> DRIVERS = List.of("chromedriver");
    /** The window a page is laid out in (and the screenshot's width). */
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 900;
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(10);

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts the browser, or skips the calling test when chromium or chromedriver is not installed. */
    public static HeadlessChromium start() {
        HeadlessChromium started = startIfInstalled();
        assumeStarted(started);
        return started;
    }

    /**
     * Skips the calling test, with the reason, unless {@code browser} was started: for tests that
     * share one browser started by {@link #startIfInstalled()} in an {@code @BeforeAll} (where an
     * assumption would skip the class without a word) and call this in an {@code @BeforeEach}.
     */
    public static void assumeStarted(HeadlessChromium browser) {
        assumeTrue(browser != null, "chromium and chromedriver are not installed (Debian: apt-get install chromium "
                + "chromium-driver; .ci/run installs them): browser test skipped");
    }

    /** Starts the browser, or returns null when chromium or chromedriver is not installed. */
    public static HeadlessChromium startIfInstalled() {
        Optional<Path> browser = program("TLSWATCH_CHROMIUM", BROWSERS);
        Optional<Path> chromedriver = program("TLSWATCH_CHROMEDRIVER", DRIVERS);
        if (browser.isEmpty() || chromedriver.isEmpty()) {
            return null;
        }
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
        Path profile;
        try {
            profile = Files.createTempDirectory("tlswatch-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT, "--force-device-scale-factor=1",
                "--hide-scrollbars", "--disable-dev-shm-usage", "--lang=en-US", "--no-first-run",
                "--disable-extensions", "--disable-sync", "--disable-component-update");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
        try {
            return new HeadlessChromium(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    /** Opens a local file and waits until its document has loaded. */
    public void open(Path file) {
        driver.get(file.toUri().toString());
        waitUntil("return document.readyState === 'complete'", PAGE_TIMEOUT);
    }

    /** Opens a local file and waits until {@code javascript} (a {@code return} statement) gives true. */
    public void open(Path file, String javascript) {
        open(file);
        waitUntil(javascript, PAGE_TIMEOUT);
    }

    /**
     * For each canvas of the page, in document order, how many of its pixels something was drawn on
     * (alpha not zero): a chart that rendered has thousands, an empty canvas none.
     */
    @SuppressWarnings("unchecked")
    public List<Long> canvasPixelsDrawn() {
        return (List<Long>) script("return Array.from(document.querySelectorAll('canvas')).map(function (c) {"
                + " var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
                + " for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) { n++; } } return n; })");
    }

    /** Closes {@code browser} if there is one (for an {@code @AfterAll} whose {@code @BeforeAll} skipped). */
    public static void close(HeadlessChromium browser) {
        if (browser != null) {
            browser.close();
        }
    }

    /** Runs JavaScript in the page ({@code return ...} gives its value). */
    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Waits until {@code javascript} (a {@code return} statement) gives true. */
    public void waitUntil(String javascript, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Boolean.TRUE.equals(script(javascript))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page did not get to '" + javascript + "' within " + timeout);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the page", e);
            }
        }
    }

    /** The elements a CSS selector finds. */
    public List<WebElement> all(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    /** The text a user sees in each element a CSS selector finds. */
    public List<String> texts(String cssSelector) {
        List<String> out = new ArrayList<>();
        for (WebElement e : all(cssSelector)) {
            out.add(e.getText());
        }
        return out;
    }

    /** The one element's visible text; fails when the selector finds none. */
    public String text(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector)).getText();
    }

    /**
     * A PNG of the page from its top, {@link #WIDTH} wide and as tall as the page but at most
     * {@code maxHeight} pixels, beyond the window's height (DevTools Page.captureScreenshot).
     */
    public byte[] screenshot(int maxHeight) {
        Number height = (Number) script("return Math.ceil(document.documentElement.scrollHeight)");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", WIDTH, "height", Math.min(height.intValue(), maxHeight),
                "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    /** The browser's own driver, for what this class does not offer. */
    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static Optional<Path> program(String variable, List<String> names) {
        String given = System.getenv(variable);
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        for (String name : names) {
            for (String dir : (path == null ? "/usr/bin" : path).split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A profile folder left in the temporary directory is no test failure.
        }
    }
}
