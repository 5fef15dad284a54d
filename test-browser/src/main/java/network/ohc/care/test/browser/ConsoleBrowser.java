package network.ohc.care.test.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser of the console's browser tests: Debian's chromium, headless at 1280×800, driven through the installed
 * /usr/bin/chromedriver (Selenium Manager never downloads anything). Where chromium is not installed the calling test
 * class is skipped, unless CARE_IT_REQUIRE_BROWSER=1 (CI installs it, .ci/run), which makes that a failure.
 */
public final class ConsoleBrowser {
    private static final String DRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";

    private ConsoleBrowser() {
    }

    /** A new browser (call it from {@code @BeforeAll}, and {@code quit()} it after all). */
    public static WebDriver start() {
        boolean installed = new File(DRIVER).canExecute() && new File(CHROMIUM).canExecute();
        if (!installed && "1".equals(System.getenv("CARE_IT_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("chromium and chromium-driver are required (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");
        System.setProperty("SE_AVOID_STATS", "true");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800");
        WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return browser;
    }

    /** Clicks a form's button and waits for the next page to replace this one. */
    public static void submit(WebDriver browser, By button) {
        follow(browser, browser.findElement(button));
    }

    /** Clicks a link or button that leads to another page, and waits for that page to replace this one. */
    public static void follow(WebDriver browser, WebElement element) {
        try {
            element.click();
        } catch (WebDriverException e) {
            // chromedriver may report the navigation the click itself started as an error on the node it just left:
            // the page went on, which waitGone checks next.
            if (!leftThePage(e)) {
                throw e;
            }
        }
        waitGone(browser, element);
    }

    /** Waits (up to 15 s) until the element has left the page. */
    public static void waitGone(WebDriver browser, WebElement e) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            try {
                e.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException x) {
                if (leftThePage(x)) {
                    return true;
                }
                throw x;
            }
        });
    }

    /**
     * Chromium answers a question about a node of a page that was just replaced either as a stale element or, while
     * the new page is loading, as "unknown error: … Node with given id does not belong to the document".
     */
    private static boolean leftThePage(WebDriverException e) {
        return e instanceof StaleElementReferenceException || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /** The page as it looks now, in target/console-screenshots/NAME.png. */
    public static void shot(WebDriver browser, String name) throws IOException {
        Path dir = Path.of("target", "console-screenshots");
        Files.createDirectories(dir);
        File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
