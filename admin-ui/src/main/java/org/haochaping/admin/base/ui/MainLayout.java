package org.haochaping.admin.base.ui;

import org.haochaping.admin.campaign.ui.CampaignListView;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** The console's frame: title bar and the side navigation, in Chinese. */
@Layout
public class MainLayout extends AppLayout {

    public MainLayout() {
        setPrimarySection(Section.DRAWER);
        addToNavbar(new DrawerToggle(), title());
        addToDrawer(brand(), new Scroller(navigation()));
    }

    private static H1 title() {
        H1 title = new H1("好差评管理平台");
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        return title;
    }

    private static Span brand() {
        Span brand = new Span("襄垣县 · 十大攻坚行动");
        brand.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Padding.MEDIUM, LumoUtility.Display.BLOCK);
        return brand;
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setLabel("导航");
        nav.addItem(new SideNavItem("攻坚行动", CampaignListView.class, VaadinIcon.FLAG.create()));
        return nav;
    }
}
