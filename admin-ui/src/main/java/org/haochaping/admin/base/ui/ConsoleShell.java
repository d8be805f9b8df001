package org.haochaping.admin.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** The page shell of the console: Lumo look, Chinese document language. */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class ConsoleShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("襄垣县好差评管理平台");
        settings.addMetaTag("description", "襄垣县攻坚行动好差评：满意度、目标达成与差评整改");
    }
}
