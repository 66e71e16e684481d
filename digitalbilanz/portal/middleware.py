"""Security headers for every response: a strict Content-Security-Policy and no third parties.

Pages load scripts, styles, fonts and images only from our own host; there are no inline
scripts. Inline SVG charts are markup, not resources, so they need no exception. A response may
name the SHA-256 hashes of its own inline stylesheets in ``response.csp_style_hashes`` (the
stored HTML report editions); only those are let through.
"""

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
PERMISSIONS = "camera=(), microphone=(), geolocation=(), interest-cohort=()"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = CSP
        hashes = getattr(response, "csp_style_hashes", None)  # a stored HTML report's own <style>
        if hashes:
            policy = CSP.replace("style-src 'self'", "style-src 'self' " + " ".join(hashes))
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response
