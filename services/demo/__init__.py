"""The bundled sample news site: five articles inside the chrome real CMSs add, served on loopback."""
