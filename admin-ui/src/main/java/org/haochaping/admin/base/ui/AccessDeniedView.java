package org.haochaping.admin.base.ui;

import org.haochaping.admin.campaign.ui.CampaignListView;
import org.haochaping.identity.AccessGuard;
import org.haochaping.identity.Actor;
import org.haochaping.identity.CurrentActor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a signed-in person sees on a view their role does not open: a plain refusal in Chinese
 * (HTTP 403) and a way to sign out, instead of Vaadin's "not found".
 */
@PermitAll
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    private final CurrentActor currentActor;
    private final AccessGuard guard;

    public AccessDeniedView(AuthenticationContext authentication, CurrentActor currentActor, AccessGuard guard) {
        this.currentActor = currentActor;
        this.guard = guard;
        boolean official = currentActor.find().map(Actor::isOfficial).orElse(false);
        H2 title = new H2(official ? "无权访问此页面" : "无权访问管理平台");
        title.setId("refused");
        Button logout = new Button("退出登录", click -> authentication.logout());
        logout.setId("refused-logout");
        add(title, new Paragraph(official ? "您的角色不能打开此页面。"
                : "好差评管理平台仅供政府工作人员（办理员、牵头单位负责人、监督员、审计员）按各自权限使用。"
                        + "居民请使用“好差评”手机应用评价和查看反馈。"));
        if (official) {
            add(new RouterLink("返回攻坚行动", CampaignListView.class));
        }
        add(logout);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        currentActor.find().ifPresent(actor -> guard.recordDenied(actor, "OPEN_VIEW", "/" + event.getLocation().getPath()));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
