//! Just enough HTML reading for these tests: the templates are ours, attributes are
//! double-quoted, and values are escaped the way askama escapes them.

/// Undo HTML escaping: the named entities askama may write and numeric ones (`&#38;`).
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| {
            let entity = &rest[1..e];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => match entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                {
                    Some(hex) => u32::from_str_radix(hex, 16).ok().and_then(char::from_u32),
                    None => entity
                        .strip_prefix('#')
                        .and_then(|d| d.parse().ok())
                        .and_then(char::from_u32),
                },
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether the page shows `text` (compared after unescaping).
pub fn shows(html: &str, text: &str) -> bool {
    unescape(html).contains(text)
}

/// Every start tag `<name …>` in the page, as written.
pub fn tags(html: &str, name: &str) -> Vec<String> {
    let open = format!("<{name}");
    let mut out = vec![];
    let mut rest = html;
    while let Some(i) = rest.find(&open) {
        let after = &rest[i + open.len()..];
        if after.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/') {
            let end = after
                .find('>')
                .map(|e| i + open.len() + e + 1)
                .unwrap_or(rest.len());
            out.push(rest[i..end].to_string());
            rest = &rest[end..];
        } else {
            rest = after;
        }
    }
    out
}

/// An attribute's (unescaped) value; `Some("")` for a bare boolean attribute.
pub fn attr(tag: &str, name: &str) -> Option<String> {
    let bytes = tag.as_bytes();
    let mut from = 0;
    while let Some(i) = tag[from..].find(name).map(|i| i + from) {
        let before = if i == 0 { b'<' } else { bytes[i - 1] };
        let after = bytes.get(i + name.len()).copied().unwrap_or(b'>');
        from = i + name.len();
        if !before.is_ascii_whitespace() {
            continue;
        }
        match after {
            b'=' => {
                let rest = &tag[i + name.len() + 1..];
                let rest = rest.strip_prefix('"')?;
                return rest.find('"').map(|e| unescape(&rest[..e]));
            }
            b' ' | b'>' | b'/' | b'\n' | b'\t' => return Some(String::new()),
            _ => continue,
        }
    }
    None
}

pub fn tag_with_name(html: &str, tag: &str, name: &str) -> Option<String> {
    tags(html, tag)
        .into_iter()
        .find(|t| attr(t, "name").as_deref() == Some(name))
}

/// The values of every input with this name (the rows of a table of inputs).
pub fn input_values(html: &str, name: &str) -> Vec<String> {
    tags(html, "input")
        .into_iter()
        .filter(|t| attr(t, "name").as_deref() == Some(name))
        .map(|t| attr(&t, "value").unwrap_or_default())
        .collect()
}

/// The selected value of every select with this name.
pub fn selected_values(html: &str, name: &str) -> Vec<String> {
    let mut out = vec![];
    let mut rest = html;
    while let Some(v) = selected(rest, name) {
        out.push(v);
        let Some(tag) = tag_with_name(rest, "select", name) else {
            break;
        };
        let Some(at) = rest.find(&tag) else { break };
        rest = &rest[at + tag.len()..];
    }
    out
}

pub fn input_value(html: &str, name: &str) -> Option<String> {
    tag_with_name(html, "input", name).map(|t| attr(&t, "value").unwrap_or_default())
}

pub fn textarea(html: &str, name: &str) -> Option<String> {
    let tag = tag_with_name(html, "textarea", name)?;
    let start = html.find(&tag)? + tag.len();
    let end = html[start..].find("</textarea>")? + start;
    // A newline right after <textarea> is not part of the value.
    let value = &html[start..end];
    Some(unescape(value.strip_prefix('\n').unwrap_or(value)))
}

/// The value a browser would submit for a `<select>`: the selected option, else the first.
pub fn selected(html: &str, name: &str) -> Option<String> {
    let tag = tag_with_name(html, "select", name)?;
    let start = html.find(&tag)? + tag.len();
    let end = html[start..].find("</select>")? + start;
    let options = tags(&html[start..end], "option");
    let chosen = options
        .iter()
        .find(|o| attr(o, "selected").is_some())
        .or(options.first())?;
    Some(attr(chosen, "value").unwrap_or_default())
}

/// The values of the checked checkboxes called `name`.
pub fn checked(html: &str, name: &str) -> Vec<String> {
    tags(html, "input")
        .into_iter()
        .filter(|t| attr(t, "name").as_deref() == Some(name) && attr(t, "checked").is_some())
        .filter_map(|t| attr(&t, "value"))
        .collect()
}

/// The element with `id`, from its start tag to the end of its line of markup.
pub fn element_by_id(html: &str, id: &str) -> Option<String> {
    let needle = format!("id=\"{id}\"");
    let i = html.find(&needle)?;
    let start = html[..i].rfind('<')?;
    let end = html[i..].find("</").map(|e| i + e).unwrap_or(html.len());
    Some(html[start..end].to_string())
}

/// What a browser would submit for the form posting to `action` (without pressing any
/// named button): inputs, checked boxes, textareas and selects, in document order.
pub fn form_fields(html: &str, action: &str) -> Vec<(String, String)> {
    let needle = format!("action=\"{action}\"");
    let i = html
        .find(&needle)
        .unwrap_or_else(|| panic!("no form posting to {action}"));
    let start = html[..i].rfind("<form").expect("form start");
    let end = html[start..]
        .find("</form>")
        .map(|e| start + e)
        .expect("form end");
    let form = &html[start..end];
    let mut fields: Vec<(usize, String, String)> = vec![];
    for t in tags(form, "input") {
        let Some(name) = attr(&t, "name") else {
            continue;
        };
        let kind = attr(&t, "type").unwrap_or_else(|| "text".into());
        if kind == "submit"
            || ((kind == "checkbox" || kind == "radio") && attr(&t, "checked").is_none())
        {
            continue;
        }
        let value = attr(&t, "value").unwrap_or_else(|| {
            if kind == "checkbox" {
                "on".into()
            } else {
                String::new()
            }
        });
        fields.push((form.find(&t).unwrap_or(0), name, value));
    }
    for t in tags(form, "textarea") {
        let Some(name) = attr(&t, "name") else {
            continue;
        };
        fields.push((
            form.find(&t).unwrap_or(0),
            name.clone(),
            textarea(form, &name).unwrap_or_default(),
        ));
    }
    for t in tags(form, "select") {
        let Some(name) = attr(&t, "name") else {
            continue;
        };
        // This select's own options (rows of a table repeat the name).
        let pos = form.find(&t).unwrap_or(0);
        fields.push((
            pos,
            name.clone(),
            selected(&form[pos..], &name).unwrap_or_default(),
        ));
    }
    fields.sort_by_key(|(pos, _, _)| *pos);
    fields.into_iter().map(|(_, k, v)| (k, v)).collect()
}
