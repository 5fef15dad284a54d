package network.ohc.care.core.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import network.ohc.care.core.TestApi;
import network.ohc.care.test.browser.ConsoleBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser: Debian's chromium driven through the installed /usr/bin/chromedriver (Selenium
 * Manager never downloads anything), against the app on PostgreSQL. Screenshots go to target/console-screenshots.
 * Skipped where chromium is not installed; CI installs it (.ci/run), and CARE_IT_REQUIRE_BROWSER=1 makes it mandatory.
 */
@QuarkusTest
class ConsoleBrowserTest {
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
    void nurseAdmitsAndTransfersDoctorDischargesClerkSeesNoDischarge() throws Exception {
        String facility = TestApi.facility();
        List<String> ward = TestApi.wardWithBeds(facility, 2);
        String patient = TestApi.patient(facility);
        String nurse = ConsoleTest.user(facility, "NURSE");
        String doctor = ConsoleTest.user(facility, "DOCTOR");
        String clerk = ConsoleTest.user(facility, "STAFF");

        signIn(nurse);
        shot("facilities");
        follow(browser.findElement(By.cssSelector("a[href='/console/facilities/" + facility + "']")));
        shot("facility");
        follow(browser.findElement(By.cssSelector("a[href='/console/facilities/" + facility + "/wards/" + ward.get(0) + "']")));
        assertTrue(summary().contains("2 free"), summary());
        shot("board-before");

        open("/console/patients/" + patient);
        shot("patient");
        submit(By.id("open-encounter"));
        String encounterUrl = browser.getCurrentUrl();
        assertTrue(browser.findElements(By.id("discharge")).isEmpty(), "a nurse has no discharge button");
        new Select(browser.findElement(By.id("bedId"))).selectByValue(ward.get(1));
        submit(By.id("admit"));
        assertEquals("Bed 0", browser.findElement(By.id("encounter-bed")).getText());
        new Select(browser.findElement(By.id("bedId"))).selectByValue(ward.get(2));
        submit(By.id("transfer"));
        assertEquals("Bed 1", browser.findElement(By.id("encounter-bed")).getText());
        shot("encounter-nurse");
        open("/console/facilities/" + facility + "/wards/" + ward.get(0));
        assertTrue(summary().contains("1 occupied") && summary().contains("1 cleaning"), summary());
        shot("board-after-transfer");
        org.openqa.selenium.WebElement clean = browser.findElement(By.id("bed-" + ward.get(1))).findElement(By.className("mark-cleaned"));
        follow(clean);
        assertTrue(summary().contains("1 free"), summary());
        signOut();

        signIn(clerk);
        browser.get(encounterUrl);
        assertTrue(browser.findElements(By.id("discharge")).isEmpty(), "a clerk has no discharge button");
        shot("encounter-clerk");
        signOut();

        signIn(doctor);
        browser.get(encounterUrl);
        new Select(browser.findElement(By.id("disposition"))).selectByValue("HOME");
        submit(By.id("discharge"));
        assertEquals("Completed", browser.findElement(By.id("encounter-status")).getText());
        open("/console/facilities/" + facility + "/wards/" + ward.get(0));
        assertTrue(summary().contains("0 occupied") && summary().contains("1 cleaning"), summary());
        browser.manage().window().setSize(new Dimension(390, 844));
        shot("board-phone");
        browser.manage().window().setSize(new Dimension(1280, 800));
        signOut();
    }

    @Test
    void aFacilityAdminAddsABedAndSetsItsStatusWhileAClerkSeesNoAdminActionsAndAForgedPostIsRefused() throws Exception {
        String facility = TestApi.facility();
        List<String> ward = TestApi.wardWithBeds(facility, 1);
        String admin = ConsoleTest.user(facility, "ADMIN");
        String clerk = ConsoleTest.user(facility, "STAFF");

        signIn(admin);
        open("/console/facilities/" + facility);
        follow(browser.findElement(By.linkText("Manage")));
        new Select(browser.findElement(By.id("kind"))).selectByValue("BED");
        browser.findElement(By.id("name")).sendKeys("Bed 7");
        new Select(browser.findElement(By.id("parentId"))).selectByValue(ward.get(0));
        shot("manage");
        submit(By.id("add-location-submit"));
        open("/console/facilities/" + facility + "/wards/" + ward.get(0));
        assertTrue(summary().contains("2 free"), summary());
        org.openqa.selenium.WebElement bed7 = browser.findElements(By.cssSelector(".bed")).stream()
                .filter(b -> b.findElement(By.className("bed-name")).getText().equals("Bed 7")).findFirst().orElseThrow();
        follow(bed7.findElement(By.className("edit-bed")));
        new Select(browser.findElement(By.id("status"))).selectByValue("OUT_OF_SERVICE");
        shot("location-edit");
        submit(By.id("save-location"));
        browser.findElement(By.id("saved"));
        open("/console/facilities/" + facility + "/wards/" + ward.get(0));
        assertTrue(summary().contains("1 free") && summary().contains("1 out of service"), summary());
        open("/console/admin/facilities/" + facility);
        shot("facility-edit");
        open("/console/admin/users");
        shot("users");
        browser.manage().window().setSize(new Dimension(390, 844));
        open("/console/facilities/" + facility + "/manage");
        shot("manage-phone");
        browser.manage().window().setSize(new Dimension(1280, 800));
        signOut();

        signIn(clerk);
        open("/console/facilities/" + facility);
        assertTrue(browser.findElements(By.linkText("Manage")).isEmpty(), "a clerk has no Manage link");
        assertTrue(browser.findElements(By.linkText("Users")).isEmpty(), "a clerk has no Users link");
        open("/console/facilities/" + facility + "/wards/" + ward.get(0));
        assertTrue(browser.findElements(By.className("edit-bed")).isEmpty(), "a clerk has no Edit links on the board");
        // A forged form in the clerk's own browser, with the clerk's valid CSRF token: the server refuses it.
        String token = browser.findElement(By.name("_csrf")).getAttribute("value");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                var f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];
                [['_csrf', arguments[1]], ['kind', 'BED'], ['name', 'Forged'], ['parentId', arguments[2]]].forEach(function (p) {
                  var i = document.createElement('input'); i.type = 'hidden'; i.name = p[0]; i.value = p[1]; f.appendChild(i); });
                document.body.appendChild(f); f.submit();""", "/console/facilities/" + facility + "/manage/locations", token, ward.get(0));
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> d.findElement(By.tagName("h1")).getText().equals("Not allowed"));
        shot("forged-post-refused");
        open("/console/facilities/" + facility + "/wards/" + ward.get(0));
        assertTrue(summary().contains("1 free") && summary().contains("1 out of service"), "nothing was added: " + summary());
        signOut();
    }

    private static void submit(By button) {
        ConsoleBrowser.submit(browser, button);
    }

    private static void follow(org.openqa.selenium.WebElement e) {
        ConsoleBrowser.follow(browser, e);
    }

    private String summary() {
        return browser.findElement(By.id("board-summary")).getText();
    }

    private void open(String path) {
        browser.get(base.toString().replaceAll("/$", "") + path);
    }

    private void signIn(String username) {
        open("/console/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(TestApi.STAFF_PASSWORD);
        submit(By.id("sign-in"));
        browser.findElement(By.id("sign-out"));
    }

    private void signOut() {
        submit(By.id("sign-out"));
        browser.findElement(By.id("sign-in"));
    }

    private static void shot(String name) throws Exception {
        ConsoleBrowser.shot(browser, name);
    }
}
