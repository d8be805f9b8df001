package org.haochaping.admin.badreview.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.haochaping.admin.base.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** What an official does on the console's Vaadin components, in a real browser. */
final class Console {

    private final Browser browser;

    Console(Browser browser) {
        this.browser = browser;
    }

    WebDriver driver() {
        return browser.driver();
    }

    WebElement byId(String id) {
        return browser.waiting(Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                // Chromium answers a read of a node Vaadin just replaced with an "inspector error", not a stale reference.
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> d.findElements(By.id(id)).stream().findFirst().orElse(null));
    }

    boolean has(String id) {
        return !driver().findElements(By.id(id)).isEmpty();
    }

    String text(String id) {
        return browser.waiting(Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                // Chromium answers a read of a node Vaadin just replaced with an "inspector error", not a stale reference.
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> d.findElement(By.id(id)).getText());
    }

    /** Waits until the element {@code id} reads {@code text}. */
    void waitForText(String id, String text) {
        browser.waiting(Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                // Chromium answers a read of a node Vaadin just replaced with an "inspector error", not a stale reference.
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .ignoring(NoSuchElementException.class)
                .until(d -> d.findElement(By.id(id)).getText().strip().equals(text));
    }

    void click(String id) {
        byId(id).click();
    }

    /** Picks the radio button labelled {@code label} in the group {@code id}. */
    void choose(String id, String label) {
        browser.waiting(Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                // Chromium answers a read of a node Vaadin just replaced with an "inspector error", not a stale reference.
                .ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
            List<WebElement> buttons = d.findElements(By.cssSelector("#" + id + " vaadin-radio-button"));
            for (WebElement button : buttons) {
                if (button.getText().strip().equals(label)) {
                    button.findElement(By.tagName("label")).click();
                    return true;
                }
            }
            return false;
        });
    }

    /** Types into a text field or text area. */
    void type(String id, String text) {
        WebElement field = byId(id);
        List<WebElement> inputs = field.findElements(By.cssSelector("textarea, input"));
        inputs.getFirst().sendKeys(text);
    }

    /** Opens the select {@code id} and picks the item labelled {@code label}. */
    void select(String id, String label) {
        byId(id).click();
        browser.waiting(Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                // Chromium answers a read of a node Vaadin just replaced with an "inspector error", not a stale reference.
                .ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
            for (WebElement item : d.findElements(By.tagName("vaadin-select-item"))) {
                if (item.isDisplayed() && item.getText().strip().equals(label)) {
                    item.click();
                    return true;
                }
            }
            return false;
        });
    }

    /** Hands files to the upload {@code id} as if chosen in the file dialog, and waits until they are uploaded. */
    void upload(String id, Path... files) {
        WebElement upload = byId(id);
        WebElement input = fileInput(upload);
        input.sendKeys(String.join("\n", java.util.Arrays.stream(files).map(file -> file.toAbsolutePath().toString()).toList()));
        browser.waiting(Duration.ofSeconds(30)).until(d -> (Boolean) script(
                "const files = [...arguments[0].querySelectorAll('vaadin-upload-file')];"
                        + " return files.length === arguments[1] && files.every(f => f.hasAttribute('complete'));",
                upload, files.length));
    }

    private WebElement fileInput(WebElement upload) {
        List<WebElement> light = upload.findElements(By.cssSelector("input[type=file]"));
        if (!light.isEmpty()) {
            return light.getFirst();
        }
        SearchContext shadow = upload.getShadowRoot();
        return shadow.findElement(By.cssSelector("input[type=file]"));
    }

    /** Whether every image under {@code id} has loaded with real pixels. */
    boolean imagesLoaded(String id, int count) {
        return (Boolean) script("const images = [...document.querySelectorAll('#' + arguments[0] + ' img')];"
                + " return images.length === arguments[1] && images.every(i => i.complete && i.naturalWidth > 0);", id, count);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver()).executeScript(script, arguments);
    }
}
