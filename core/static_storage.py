"""The static files storage of a deployment: whitenoise's compressed manifest storage, each URL worked out once.

With DEBUG off the URL of a static file (its hashed name, from the manifest read at start) cannot change while the
process runs, yet Django works it out anew at every `{% static %}`: a dozen path splits and joins, ten times on
every page that extends base.html (issue 12). A name missing from the manifest still raises, and is not kept."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    kept = 2000  # more names than the site's templates use: a bound, should a name ever come from outside

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        url = self._urls.get(name)
        if url is None:
            url = super().url(name)  # raises for a name missing from the manifest: nothing kept
            if len(self._urls) < self.kept:
                self._urls[name] = url
        return url
