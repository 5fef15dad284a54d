package network.ohc.care.plugs.census.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import network.ohc.care.plug.test.CareHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * census's occupancy panel in a real browser: an admission and a discharge made through the console show on the
 * facility page once census has the signals. Chromium through the installed /usr/bin/chromedriver (never a download);
 * skipped where it is not installed unless CARE_IT_REQUIRE_BROWSER=1. Screenshots in target/console-screenshots.
 */
@QuarkusTest
class CensusConsoleBrowserTest {
    private static final String DRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static WebDriver browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void start() {
        boolean installed = new File(DRIVER).canExecute() && new File(CHROMIUM).canExecute();
        if (!installed && "1".equals(System.getenv("CARE_IT_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("chromium and chromium-driver are required (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");
        System.setProperty("SE_AVOID_STATS", "true");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void thePanelFollowsAnAdmissionAndADischargeMadeInTheConsole() throws Exception {
        String facility = CareHarness.facility();
        CareHarness.Ward ward = CareHarness.ward(facility, 2);
        String patient = CareHarness.patient(facility);
        CareHarness.awaitDelivered("census");

        open("/console/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(CareHarness.ADMIN_PASSWORD);
        submit(By.id("sign-in"));
        open("/console/facilities/" + facility);
        assertEquals("0", occupied());
        shot("census-panel-before");

        open("/console/patients/" + patient);
        submit(By.id("open-encounter"));
        String encounter = browser.getCurrentUrl();
        new Select(browser.findElement(By.id("bedId"))).selectByValue(ward.beds().get(0));
        submit(By.id("admit"));
        CareHarness.awaitDelivered("census");
        open("/console/facilities/" + facility);
        assertEquals("1", occupied());
        shot("census-panel-admitted");

        browser.get(encounter);
        new Select(browser.findElement(By.id("disposition"))).selectByValue("HOME");
        submit(By.id("discharge"));
        CareHarness.awaitDelivered("census");
        open("/console/facilities/" + facility);
        assertEquals("0", occupied());
        shot("census-panel-discharged");
    }

    /** The facility's total of occupied beds in census's panel. */
    private static String occupied() {
        return browser.findElement(By.cssSelector("table.census tfoot .census-occupied")).getText();
    }

    private void open(String path) {
        browser.get(base.toString().replaceAll("/$", "") + path);
    }

    private static void submit(By button) {
        WebElement b = browser.findElement(button);
        b.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(b));
    }

    private static void shot(String name) throws Exception {
        Path dir = Path.of("target", "console-screenshots");
        Files.createDirectories(dir);
        File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
