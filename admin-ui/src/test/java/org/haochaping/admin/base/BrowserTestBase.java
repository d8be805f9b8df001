package org.haochaping.admin.base;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Console tests in a real browser: one headless Chromium per test class, on the shared running system. */
public abstract class BrowserTestBase extends ConsoleTestBase {

    protected static Browser browser;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }
}
