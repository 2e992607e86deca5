"""The local page (`dossiercheck serve`): the applicant's way in, in a browser, on their own computer.

    server.py     binds 127.0.0.1, prints the address with its key, runs uvicorn, removes every upload on stop
    guard.py      in front of every request: the Host header, the key, the page's token, the security headers
    app.py        the routes (Starlette): the page, uploads, a check and its progress, the result, downloads
    sessions.py   one private folder (0700) per open page, and the limits on what it may hold
    checking.py   the form turned into one `api.check_dossier` call, the same as `dossiercheck check`
    view.py       the Report as the page shows it (evidence pictures, boxed dates); decides nothing
    messages.py   the page's words, read from schemas/words/*.yaml like every report's

Nothing here reads a document or applies a rule: the page calls the library API, as the CLI does.
"""
