"""Logging in and managing accounts in the browser: the login page, the session kept across reloads, the Admin
page. The rules (passwords, limits, roles) are the service layer's; this package only asks and shows."""
