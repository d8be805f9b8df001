package org.haochaping.admin.base.ui;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Marks the console's page as zh-CN, so browsers pick Chinese fonts and screen readers the right
 * voice, and makes zh-CN the locale of every view (dates, numbers).
 */
@Component
class ChineseDocumentLanguage implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> response.getDocument().getElementsByTag("html").attr("lang", "zh-CN"));
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(Locale.SIMPLIFIED_CHINESE));
    }
}
