package org.haochaping.identity.local;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The embedded provider's sign-in page, in Chinese. Plain HTML, so it works for the mobile app's
 * browser tab and for the console alike, with or without the console in the process.
 */
@Controller
@Conditional(EmbeddedProviderCondition.class)
class IdpLoginPage {

    @GetMapping(value = LocalIdentityProvider.LOGIN_PAGE, produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String page(HttpServletRequest request, @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String message = "wait".equals(error) ? "<p class=\"error\" role=\"alert\">登录失败次数过多，请稍等片刻再试。</p>"
                : error != null ? "<p class=\"error\" role=\"alert\">用户名或密码错误，请重试。</p>"
                : logout != null ? "<p class=\"info\">您已安全退出。</p>" : "";
        String csrfField = csrf == null ? "" : "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName())
                + "\" value=\"" + HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
        return """
                <!doctype html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>登录 · 襄垣县好差评</title>
                <style>
                body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;background:#f3f5f7;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
                main{background:#fff;padding:2rem 2.5rem;border-radius:12px;box-shadow:0 2px 12px rgba(0,0,0,.08);width:min(22rem,90vw)}
                h1{font-size:1.4rem;margin:0 0 .3rem}p.sub{color:#667;margin:0 0 1.5rem;font-size:.9rem}
                label{display:block;margin:.8rem 0 .3rem;font-size:.9rem}
                input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #ccd;border-radius:6px;font-size:1rem}
                button{margin-top:1.4rem;width:100%;padding:.7rem;border:0;border-radius:6px;background:#1676f3;color:#fff;font-size:1rem;cursor:pointer}
                .error{color:#c62828}.info{color:#2e7d32}
                </style>
                </head>
                <body>
                <main>
                <h1>襄垣县好差评</h1>
                <p class="sub">统一身份认证 · 请使用实名账号登录</p>
                {{message}}
                <form method="post" action="{{action}}">
                <label for="username">用户名</label>
                <input type="text" id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">密码</label>
                <input type="password" id="password" name="password" autocomplete="current-password" required>
                {{csrf}}
                <button type="submit" id="login">登录</button>
                </form>
                </main>
                </body>
                </html>
                """.replace("{{message}}", message)
                .replace("{{action}}", LocalIdentityProvider.LOGIN_PAGE)
                .replace("{{csrf}}", csrfField);
    }
}
