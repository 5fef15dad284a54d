package network.ohc.care.plugs.census.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import network.ohc.care.plug.test.CareHarness;
import network.ohc.care.test.browser.ConsoleBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * census's occupancy panel in a real browser: an admission and a discharge made through the console show on the
 * facility page once census has the signals. Chromium through the installed /usr/bin/chromedriver (never a download);
 * skipped where it is not installed unless CARE_IT_REQUIRE_BROWSER=1. Screenshots in target/console-screenshots.
 */
@QuarkusTest
class CensusConsoleBrowserTest {
    private static WebDriver browser;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void start() {
        browser = ConsoleBrowser.start();
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
        ConsoleBrowser.submit(browser, button);
    }

    private static void shot(String name) throws Exception {
        ConsoleBrowser.shot(browser, name);
    }
}
