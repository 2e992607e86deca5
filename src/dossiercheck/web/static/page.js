// The local page of dossiercheck: uploads, the check and its progress, the result. Plain JavaScript, no library:
// the page's Content-Security-Policy loads nothing but this file and page.css from the server on 127.0.0.1.
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const body = document.body;
  const session = body.dataset.session;
  const token = body.dataset.token;
  const lang = body.dataset.lang;
  const maxFileBytes = Number(body.dataset.maxFileBytes);
  const maxFileMb = Math.floor(maxFileBytes / (1024 * 1024));
  const words = JSON.parse($("words").textContent);
  const SAVED = "dossiercheck-form";
  const state = { given: [], folderName: "", leaving: false, ended: false, checked: false, replacing: "" };

  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
  const tell = (text) => { $("status").textContent = text; };
  const warn = (text) => { const box = $("alert"); box.textContent = text || ""; box.hidden = !text; };

  // Every call carries the page's token (the server refuses changes without it) and the page's language.
  async function call(method, path, data, type) {
    const url = `/s/${session}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;
    const headers = { "x-dossiercheck-token": token };
    if (type) headers["content-type"] = type;
    const response = await fetch(url, { method, body: data, headers, credentials: "same-origin" });
    const isJson = (response.headers.get("content-type") || "").includes("json");
    const answer = isJson ? await response.json() : await response.text();
    if (!response.ok) throw new Error((answer && answer.error) || String(answer));
    return answer;
  }

  // --- the files -------------------------------------------------------------------------------------
  function showFiles(files) {
    const list = $("file-list");
    list.replaceChildren();
    $("files-count").textContent = files.length ? fill(words.files_count, { n: files.length }) : words.files_none;
    for (const { path } of files) {
      const item = document.createElement("li");
      const name = document.createElement("span");
      name.textContent = path;
      item.append(name, fileButton(words.replace, words.replace_label, path, "replace"),
        fileButton(words.remove, words.remove_label, path, "remove"));
      list.append(item);
    }
  }

  function fileButton(text, label, path, action) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "secondary";
    button.textContent = text;
    button.setAttribute("aria-label", fill(label, { file: path }));
    button.dataset.action = action;
    button.dataset.path = path;
    return button;
  }

  // A chosen or dropped folder sends "folder/file": the folder's name titles the report, the rest names the file.
  function withoutCommonFolder(entries) {
    const firsts = new Set(entries.map((e) => (e.path.includes("/") ? e.path.split("/")[0] : "")));
    if (firsts.size !== 1 || firsts.has("")) return entries;
    state.folderName = [...firsts][0];
    return entries.map((e) => ({ file: e.file, path: e.path.slice(state.folderName.length + 1) }));
  }

  async function upload(entries) {
    warn("");
    let added = 0;
    for (const { file, path } of withoutCommonFolder(entries)) {
      // Refused here, before sending: the server would refuse it too, after reading it all.
      if (file.size > maxFileBytes) {
        warn(fill(words.too_big, { file: path, mb: maxFileMb }));
        continue;
      }
      tell(fill(words.uploading, { file: path }));
      try {
        const answer = await call("PUT", `/files?path=${encodeURIComponent(path)}`, file);
        showFiles(answer.files);
        if (answer.described) fillForm(answer.described);
        else added += 1;
      } catch (error) {
        warn(error.message);
      }
    }
    tell(fill(words.added, { n: added }));
    return added;
  }

  async function replaceFile(oldPath, file) {
    warn("");
    const folder = oldPath.includes("/") ? oldPath.slice(0, oldPath.lastIndexOf("/") + 1) : "";
    const newPath = folder + file.name;
    if (file.size > maxFileBytes) {
      warn(fill(words.too_big, { file: newPath, mb: maxFileMb }));
      return;
    }
    try {
      const answer = await call("PUT", `/files?path=${encodeURIComponent(newPath)}`, file);
      showFiles(newPath === oldPath ? answer.files
        : (await call("DELETE", `/files?path=${encodeURIComponent(oldPath)}`)).files);
      tell(fill(words.replaced, { old: oldPath, new: newPath }));
      if (state.checked) await check();
    } catch (error) {
      warn(error.message);
    }
  }

  function fromInput(input) {
    return [...input.files].map((file) => ({ file, path: file.webkitRelativePath || file.name }));
  }

  // Dropped items: files, or folders walked through the File and Directory Entries API.
  async function droppedFiles(transfer) {
    const entries = [...transfer.items].map((item) => [item.webkitGetAsEntry && item.webkitGetAsEntry(),
      item.getAsFile()]);
    const out = [];
    for (const [entry, file] of entries) {
      if (entry) await walk(entry, out);
      else if (file) out.push({ file, path: file.name });
    }
    return out;
  }

  async function walk(entry, out) {
    if (entry.isFile) {
      const file = await new Promise((done, fail) => entry.file(done, fail));
      out.push({ file, path: entry.fullPath.replace(/^\//, "") });
      return;
    }
    const reader = entry.createReader();
    for (;;) {
      const batch = await new Promise((done, fail) => reader.readEntries(done, fail));
      if (!batch.length) return;
      for (const child of batch) await walk(child, out);
    }
  }

  // --- the form ----------------------------------------------------------------------------------------
  function fillForm(described) {
    for (const name of ["profile", "appointment_date", "name", "birth_date", "arrival_date"]) {
      if (described[name]) $(name).value = described[name];
    }
    if (Array.isArray(described.given)) state.given = described.given;
    showBring();
    tell(words.yaml_loaded);
  }

  function formValues() {
    const values = { lang, given: state.given, folder_name: state.folderName };
    for (const name of ["profile", "appointment_date", "name", "birth_date", "arrival_date"]) {
      values[name] = $(name).value.trim();
    }
    return values;
  }

  async function showBring() {
    const profile = $("profile").value;
    $("bring-box").hidden = !profile;
    if (!profile) return;
    const response = await fetch(`/bring?profile=${encodeURIComponent(profile)}&lang=${lang}`);
    if (response.ok) $("bring").innerHTML = await response.text();
  }

  // --- the check ---------------------------------------------------------------------------------------
  async function check() {
    warn("");
    const values = formValues();
    const missing = !values.profile ? ["need_procedure", "profile"]
      : !values.appointment_date ? ["need_date", "appointment_date"]
        : !$("file-list").children.length ? ["need_files", "files"] : null;
    if (missing) {
      warn(words[missing[0]]);
      $(missing[1]).focus();
      return;
    }
    $("check").disabled = true;
    try {
      await call("POST", "/check", JSON.stringify(values), "application/json");
      await follow();
    } catch (error) {
      warn(error.message);
    } finally {
      $("check").disabled = false;
    }
  }

  async function follow() {
    $("progress-box").hidden = false;
    for (;;) {
      const status = await call("GET", "/status");
      showProgress(status);
      if (status.state === "done") return showResult();
      if (status.state === "error") throw new Error(status.error);
      await sleep(300);
    }
  }

  function showProgress(status) {
    const bar = $("progress");
    const text = {
      waiting: words.progress_waiting,
      reading: status.total ? fill(words.progress_reading, status) : words.progress_starting,
      pictures: words.progress_pictures,
      done: words.progress_checking,
    }[status.state] || words.progress_starting;
    bar.max = Math.max(status.total, 1);
    bar.value = status.state === "reading" ? status.done : status.state === "waiting" ? 0 : bar.max;
    $("progress-text").textContent = text;
  }

  async function showResult() {
    const result = $("result");
    result.innerHTML = await call("GET", "/result");
    state.checked = true;
    $("check").textContent = words.check_again;
    $("progress-box").hidden = true;
    tell($("verdict").textContent.replace(/\s+/g, " ").trim());
    result.focus();
  }

  async function addGiven(event) {
    event.preventDefault();
    const value = $("given-value").value;
    if (!value) { $("given-value").focus(); return; }
    const file = $("given-file").value;
    const field = $("given-field").value;
    state.given = state.given.filter((g) => !(g.file === file && g.field === field)).concat([{ file, field, value }]);
    await check();
  }

  // --- the session -------------------------------------------------------------------------------------
  async function end() {
    try {
      await call("POST", "/end", new URLSearchParams({ csrf: token }));
    } finally {
      state.ended = true;
      sessionStorage.removeItem(SAVED);
      document.querySelector("main").replaceChildren(Object.assign(document.createElement("p"),
        { id: "ended", textContent: words.ended }));
    }
  }

  // Switching language reloads the page in it, keeping this session's files and the form.
  function switchLanguage() {
    const saved = { session, values: formValues(), checked: state.checked };
    sessionStorage.setItem(SAVED, JSON.stringify(saved));
    state.leaving = true;
    location.assign(`/?lang=${encodeURIComponent($("lang").value)}&s=${encodeURIComponent(session)}`);
  }

  async function restore() {
    const saved = JSON.parse(sessionStorage.getItem(SAVED) || "null");
    sessionStorage.removeItem(SAVED);
    if (!saved || saved.session !== session) return;
    fillForm(saved.values);
    state.folderName = saved.values.folder_name || "";
    tell("");
    showFiles((await call("GET", "/files")).files);
    if (saved.checked) await check();
  }

  function wire() {
    $("form").addEventListener("submit", (e) => { e.preventDefault(); check(); });
    $("profile").addEventListener("change", showBring);
    $("lang").addEventListener("change", switchLanguage);
    for (const id of ["files", "folder"]) {
      $(id).addEventListener("change", async (e) => { await upload(fromInput(e.target)); e.target.value = ""; });
    }
    const drop = $("drop");
    drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", async (e) => {
      e.preventDefault();
      drop.classList.remove("over");
      await upload(await droppedFiles(e.dataTransfer));
    });
    $("file-list").addEventListener("click", onFileButton);
    $("replace-input").addEventListener("change", async (e) => {
      if (e.target.files.length) await replaceFile(state.replacing, e.target.files[0]);
      e.target.value = "";
    });
    $("result").addEventListener("submit", (e) => { if (e.target.id === "given-form") addGiven(e); });
    $("result").addEventListener("click", onResultButton);
    $("end").addEventListener("click", end);
    // Closing the page deletes its files: the beacon carries the token as a form field.
    window.addEventListener("pagehide", () => {
      if (!state.leaving && !state.ended) navigator.sendBeacon(`/s/${session}/end`, new URLSearchParams({ csrf: token }));
    });
  }

  async function onFileButton(event) {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const path = button.dataset.path;
    if (button.dataset.action === "replace") {
      state.replacing = path;
      $("replace-input").click();
      return;
    }
    try {
      showFiles((await call("DELETE", `/files?path=${encodeURIComponent(path)}`)).files);
      tell(fill(words.removed, { file: path }));
    } catch (error) {
      warn(error.message);
    }
  }

  function onResultButton(event) {
    const button = event.target.closest("button.remove-given");
    if (!button) return;
    state.given = state.given.filter((g) => !(g.file === button.dataset.file && g.field === button.dataset.field));
    check();
  }

  wire();
  restore();
})();
