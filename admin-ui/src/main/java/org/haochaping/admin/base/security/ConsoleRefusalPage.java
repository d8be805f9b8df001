package org.haochaping.admin.base.security;

import java.io.IOException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** What a signed-in person without an official role sees: a plain refusal, in Chinese, and a way out. */
final class ConsoleRefusalPage implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String csrfField = csrf == null ? "" : "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName())
                + "\" value=\"" + HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("""
                <!doctype html>
                <html lang="zh-CN"><head><meta charset="utf-8"><title>无权访问 · 好差评管理平台</title>
                <style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#223}
                button{padding:.5rem 1.2rem;border:0;border-radius:6px;background:#1676f3;color:#fff;font-size:1rem;cursor:pointer}</style>
                </head><body>
                <h1 id="refused">无权访问管理平台</h1>
                <p>好差评管理平台仅供政府工作人员（办理员、牵头单位负责人、监督员、审计员）使用。居民请使用“好差评”手机应用评价和查看反馈。</p>
                <form method="post" action="/logout">{{csrf}}<button type="submit">退出登录</button></form>
                </body></html>
                """.replace("{{csrf}}", csrfField));
    }
}
