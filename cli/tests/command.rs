//! Runs the built command on documents written for each case, and checks what
//! it prints and how it exits.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use guide_scopes::model::{Access, Catalog};

/// What one run of the command did.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs the command with `args`, feeding `stdin` when given.
fn run(args: &[&str], stdin: Option<&str>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_guide-scopes-openapi"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    if let (Some(text), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(text.as_bytes())
            .expect("stdin takes the document");
    }
    let output = child.wait_with_output().expect("the command ends");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Writes `text` to a fresh file named `name` in the temporary directory.
fn write(name: &str, text: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("guide-scopes-openapi-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("the temporary directory is writable");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("the document is written");
    path
}

/// Runs the command on `text`, saved as `name`, with `args` before the file.
fn convert(name: &str, text: &str, args: &[&str]) -> Run {
    let path = write(name, text);
    let path = path
        .to_str()
        .expect("the temporary path is UTF-8")
        .to_owned();
    let mut all: Vec<&str> = args.to_vec();
    all.push(&path);
    let run = run(&all, None);
    // Messages name the file; the tests compare them without its directory.
    let stderr = run.stderr.replace(&path, name);
    Run { stderr, ..run }
}

/// Runs the command on a document that must be refused, and returns its message.
fn refused(name: &str, text: &str, args: &[&str]) -> String {
    let run = convert(name, text, args);
    assert_eq!(run.code, Some(1), "exit code; stderr: {}", run.stderr);
    assert_eq!(run.stdout, "", "nothing on stdout for a refused document");
    run.stderr
}

const PETS_30_YAML: &str = r#"openapi: 3.0.3
info:
  title: Pet store
  version: "1.0"
components:
  securitySchemes:
    petstore_auth:
      type: oauth2
      flows:
        authorizationCode:
          authorizationUrl: https://example.com/authorize
          tokenUrl: https://example.com/token
          scopes:
            pets:read: Read pets
            pets:write: Change pets
    api_key:
      type: apiKey
      in: header
      name: X-API-Key
security:
  - petstore_auth: [pets:read]
paths:
  /pets:
    get:
      operationId: listPets
      summary: List all pets
      tags: [pets]
      responses:
        200:
          description: A list of pets
    post:
      operationId: createPet
      tags: [pets, admin]
      security:
        - petstore_auth: [pets:write, pets:read]
      responses:
        201:
          description: Created
  /pets/{petId}:
    delete:
      operationId: deletePet
      summary: Delete a pet
      security:
        - petstore_auth: [pets:write]
  /health:
    get:
      operationId: health
      security: []
  /metrics:
    get:
      operationId: metrics
      security:
        - api_key: []
"#;

const PETS_30_ACTIONS: &str = r#"[
  {"id":"list_pets","label":"List all pets","scopes":["pets:read"],"group":"pets","access":"read"},
  {"id":"create_pet","label":"Create pet","scopes":["pets:write","pets:read"],"group":"pets","access":"write"},
  {"id":"delete_pet","label":"Delete a pet","scopes":["pets:write"],"access":"write"}
]
"#;

const PETS_30_SUMMARY: &str = "3 actions from 5 operations (schemes: petstore_auth)
left out 2 operations:
  GET /health: `security: []`, it needs no sign-in
  GET /metrics: no OAuth 2.0 or OpenID Connect requirement
";

#[test]
fn openapi_3_0_yaml_inherited_and_operation_level_security() {
    let run = convert("pets.yaml", PETS_30_YAML, &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout, PETS_30_ACTIONS);
    assert_eq!(run.stderr, PETS_30_SUMMARY);
}

#[test]
fn openapi_3_1_json_follows_local_references_to_path_items_and_schemes() {
    let doc = r##"{
  "openapi": "3.1.0",
  "info": {"title": "Calendar", "version": "2"},
  "components": {
    "securitySchemes": {
      "calendar": {"$ref": "#/components/x-shared-schemes/openid"}
    },
    "x-shared-schemes": {
      "openid": {"type": "openIdConnect", "openIdConnectUrl": "https://example.com/.well-known/openid-configuration"}
    },
    "pathItems": {
      "event": {
        "get": {"operationId": "getEvent", "summary": "Read an event", "tags": ["events"],
                "security": [{"calendar": ["calendar.read"]}]}
      }
    },
    "schemas": {"Event": {"type": "object"}}
  },
  "paths": {
    "/events": {
      "post": {
        "operationId": "events.create",
        "tags": ["events"],
        "security": [{"calendar": ["calendar.write", "openid"]}],
        "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Event"}}}}
      }
    },
    "/events/{id}": {"$ref": "#/components/pathItems/event"}
  }
}"##;
    let run = convert("calendar.json", doc, &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        r#"[
  {"id":"events_create","label":"Events create","scopes":["calendar.write","openid"],"group":"events","access":"write"},
  {"id":"get_event","label":"Read an event","scopes":["calendar.read"],"group":"events","access":"read"}
]
"#
    );
    assert_eq!(
        run.stderr,
        "2 actions from 2 operations (schemes: calendar)\n"
    );
}

const STORE_SWAGGER_20: &str = r##"swagger: "2.0"
info: {title: Store, version: "1"}
securityDefinitions:
  store_auth:
    type: oauth2
    flow: implicit
    authorizationUrl: https://example.com/oauth/authorize
    scopes:
      orders:read: Read orders
      orders:write: Place orders
  basic:
    type: basic
definitions:
  Order: {type: object}
paths:
  /orders:
    get:
      operationId: ListOrders
      tags: [store]
      security: [{store_auth: [orders:read]}]
      responses:
        200:
          description: ok
          schema: {type: array, items: {$ref: "#/definitions/Order"}}
    put:
      summary: Replace all orders
      security: [{basic: []}, {store_auth: [orders:write]}]
  /orders/{orderId}:
    get:
      security: [{basic: []}]
"##;

#[test]
fn swagger_2_0_reads_security_definitions() {
    let run = convert("store.yaml", STORE_SWAGGER_20, &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        r#"[
  {"id":"list_orders","label":"List orders","scopes":["orders:read"],"group":"store","access":"read"},
  {"id":"put_orders","label":"Replace all orders","scopes":["orders:write"],"access":"write"}
]
"#
    );
    assert_eq!(
        run.stderr,
        "2 actions from 3 operations (schemes: store_auth)
left out 1 operation:
  GET /orders/{orderId}: no OAuth 2.0 or OpenID Connect requirement
"
    );
}

#[test]
fn of_several_alternatives_the_fewest_scopes_win_the_first_on_a_tie() {
    let doc = r#"{
  "openapi": "3.0.0",
  "info": {"title": "Alternatives", "version": "1"},
  "components": {"securitySchemes": {
    "oauth": {"type": "oauth2", "flows": {}},
    "key": {"type": "apiKey", "in": "query", "name": "key"}
  }},
  "paths": {"/a": {
    "get": {"operationId": "fewest", "security": [{"oauth": ["a", "b"]}, {"oauth": ["c"]}, {"oauth": ["d"]}]},
    "put": {"operationId": "tie", "security": [{"oauth": ["x", "y"]}, {"oauth": ["z", "w"]}]},
    "post": {"operationId": "other_kinds", "security": [{}, {"key": []}, {"oauth": ["a", "b"]}]},
    "patch": {"operationId": "together", "security": [{"key": [], "oauth": ["e"]}]}
  }}
}"#;
    let run = convert("alternatives.json", doc, &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        r#"[
  {"id":"fewest","label":"Fewest","scopes":["c"],"access":"read"},
  {"id":"tie","label":"Tie","scopes":["x","y"],"access":"write"},
  {"id":"other_kinds","label":"Other kinds","scopes":["a","b"],"access":"write"},
  {"id":"together","label":"Together","scopes":["e"],"access":"write"}
]
"#
    );
}

const REPORTS_31_YAML: &str = r#"openapi: 3.1.0
info: {title: Reports, version: "1"}
components:
  securitySchemes:
    code: {type: oauth2, flows: {}}
    client: {type: oauth2, flows: {}}
    key: {type: apiKey, in: header, name: X-Key}
paths:
  /reports:
    get:
      operationId: listReports
      security:
        - code: [reports.read]
        - client: [reports.read.all, reports.admin]
    post:
      operationId: createReport
      security:
        - client: [reports.write]
"#;

#[test]
fn several_schemes_are_all_read_unless_one_is_chosen() {
    let run = convert("reports.yaml", REPORTS_31_YAML, &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        r#"[
  {"id":"list_reports","label":"List reports","scopes":["reports.read"],"access":"read"},
  {"id":"create_report","label":"Create report","scopes":["reports.write"],"access":"write"}
]
"#
    );
    assert_eq!(
        run.stderr,
        "2 actions from 2 operations (schemes: code, client)\n"
    );

    let run = convert("reports.yaml", REPORTS_31_YAML, &["--scheme", "client"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        r#"[
  {"id":"list_reports","label":"List reports","scopes":["reports.read.all","reports.admin"],"access":"read"},
  {"id":"create_report","label":"Create report","scopes":["reports.write"],"access":"write"}
]
"#
    );

    let run = convert("reports.yaml", REPORTS_31_YAML, &["--scheme", "code"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "[\n  {\"id\":\"list_reports\",\"label\":\"List reports\",\"scopes\":[\"reports.read\"],\"access\":\"read\"}\n]\n"
    );
    assert_eq!(
        run.stderr,
        "1 action from 2 operations (schemes: code)
left out 1 operation:
  POST /reports: no requirement names `code`
"
    );
}

#[test]
fn a_chosen_scheme_must_exist_and_be_oauth() {
    let message = refused("reports.yaml", REPORTS_31_YAML, &["--scheme", "nope"]);
    assert_eq!(
        message,
        "guide-scopes-openapi: reports.yaml: no security scheme named `nope` \
         (the OAuth 2.0 schemes are `code`, `client`)\n"
    );
    let message = refused("reports.yaml", REPORTS_31_YAML, &["--scheme", "key"]);
    assert_eq!(
        message,
        "guide-scopes-openapi: reports.yaml: security scheme `key` is of type `apiKey`, \
         not OAuth 2.0 or OpenID Connect, so it has no scopes\n"
    );
}

#[test]
fn without_an_operation_id_the_method_and_path_name_the_action() {
    let doc = r#"openapi: 3.0.1
info: {title: Items, version: "1"}
components: {securitySchemes: {oauth: {type: oauth2, flows: {}}}}
security: [{oauth: [items]}]
paths:
  /items/{itemId}/notes:
    head:
      summary: Check for notes
    patch: {}
  /:
    get:
      operationId: "--"
"#;
    let run = convert("items.yaml", doc, &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        r#"[
  {"id":"head_items_item_id_notes","label":"Check for notes","scopes":["items"],"access":"read"},
  {"id":"patch_items_item_id_notes","label":"PATCH /items/{itemId}/notes","scopes":["items"],"access":"write"},
  {"id":"get","label":"GET /","scopes":["items"],"access":"read"}
]
"#
    );
}

#[test]
fn repeated_ids_get_a_number_in_document_order_and_are_reported() {
    let doc = r#"openapi: 3.0.1
info: {title: Items, version: "1"}
components: {securitySchemes: {oauth: {type: oauth2, flows: {}}}}
security: [{oauth: [items]}]
paths:
  /a:
    get: {operationId: getItem}
  /b:
    get: {operationId: get_item}
  /c:
    get: {operationId: GetItem}
  /item:
    get: {}
"#;
    let run = convert("items.yaml", doc, &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let ids: Vec<String> = Catalog::parse(&run.stdout)
        .expect("the widget reads the output")
        .actions()
        .iter()
        .map(|action| action.id.clone())
        .collect();
    assert_eq!(ids, ["get_item", "get_item_2", "get_item_3", "get_item_4"]);
    assert_eq!(
        run.stderr,
        "4 actions from 4 operations (schemes: oauth)
renamed 3 actions whose id was taken:
  GET /b: get_item -> get_item_2
  GET /c: get_item -> get_item_3
  GET /item: get_item -> get_item_4
"
    );
}

#[test]
fn standard_input_is_read_without_a_file_or_with_a_dash() {
    for args in [&[][..], &["-"][..]] {
        let run = run(args, Some(PETS_30_YAML));
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert_eq!(run.stdout, PETS_30_ACTIONS);
        assert_eq!(run.stderr, PETS_30_SUMMARY);
    }
    let run = run(&[], Some("openapi: [3"));
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .starts_with("guide-scopes-openapi: standard input: not valid YAML: line 1"),
        "{}",
        run.stderr
    );
}

#[test]
fn html_is_a_host_element_with_the_placeholder_and_every_scope() {
    let doc = r#"openapi: 3.0.3
info: {title: Quotes, version: "1"}
components: {securitySchemes: {oauth: {type: oauth2, flows: {}}}}
paths:
  /quotes:
    get:
      operationId: listQuotes
      summary: List <b>"quoted"</b> & 'single'
      security: [{oauth: ["quotes:read", "a&b"]}]
    post:
      operationId: addQuote
      security: [{oauth: ["quotes:write", "quotes:read"]}]
"#;
    let run = convert("quotes.yaml", doc, &["--html"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        r#"<div class="guides-scope-selector" data-guides-scope-selector
     data-guide-actions-json="[{&quot;id&quot;:&quot;list_quotes&quot;,&quot;label&quot;:&quot;List &lt;b&gt;\&quot;quoted\&quot;&lt;/b&gt; &amp; &#39;single&#39;&quot;,&quot;scopes&quot;:[&quot;quotes:read&quot;,&quot;a&amp;b&quot;],&quot;access&quot;:&quot;read&quot;},{&quot;id&quot;:&quot;add_quote&quot;,&quot;label&quot;:&quot;Add quote&quot;,&quot;scopes&quot;:[&quot;quotes:write&quot;,&quot;quotes:read&quot;],&quot;access&quot;:&quot;write&quot;}]">
  <div class="guides-scope-selector__muted" data-guide-loading>Loading actions...</div>
</div>

<div data-guide-display-scopes>
  <ul>
    <li data-guide-display-scope="a&amp;b"><code>a&amp;b</code> <button type="button" data-copy="a&amp;b" aria-label="Copy a&amp;b">Copy</button></li>
    <li data-guide-display-scope="quotes:read"><code>quotes:read</code> <button type="button" data-copy="quotes:read" aria-label="Copy quotes:read">Copy</button></li>
    <li data-guide-display-scope="quotes:write"><code>quotes:write</code> <button type="button" data-copy="quotes:write" aria-label="Copy quotes:write">Copy</button></li>
  </ul>
</div>
"#
    );
    assert_eq!(run.stderr, "2 actions from 2 operations (schemes: oauth)\n");

    // What a browser's getAttribute gives back is what the widget reads.
    let start = run
        .stdout
        .find("data-guide-actions-json=\"")
        .expect("the attribute")
        + 25;
    let end = start + run.stdout[start..].find('"').expect("the attribute ends");
    let value = run.stdout[start..end]
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    let catalog = Catalog::parse(&value).expect("the widget reads the attribute");
    assert_eq!(
        catalog.actions()[0].label,
        r#"List <b>"quoted"</b> & 'single'"#
    );
    assert_eq!(catalog.scopes(), ["a&b", "quotes:read", "quotes:write"]);
}

#[test]
fn the_widget_reads_the_output_with_the_right_ids_scopes_groups_and_access() {
    let run = convert("pets.yaml", PETS_30_YAML, &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let catalog = Catalog::parse(&run.stdout).expect("the widget reads the output");
    let actions: Vec<(&str, Vec<&str>, Access)> = catalog
        .actions()
        .iter()
        .map(|action| {
            let scopes = action
                .scopes
                .iter()
                .map(|&scope| catalog.scope_name(scope))
                .collect();
            (action.id.as_str(), scopes, action.access)
        })
        .collect();
    // The widget sorts each action's scopes; an action without a group goes
    // under the resource its first scope names (`pets` for `pets:write`).
    assert_eq!(
        actions,
        [
            ("list_pets", vec!["pets:read"], Access::Read),
            ("create_pet", vec!["pets:read", "pets:write"], Access::Write),
            ("delete_pet", vec!["pets:write"], Access::Write),
        ]
    );
    // The tagged actions and the untagged one share `pets`: one group, which
    // the widget shows as a plain table.
    let groups: Vec<&str> = catalog
        .groups()
        .iter()
        .map(|group| group.name.as_str())
        .collect();
    assert_eq!(groups, [""]);
    assert!(!catalog.is_grouped());
}

#[test]
fn a_yaml_syntax_error_gives_its_line_and_column() {
    let doc = "openapi: 3.0.0\ninfo:\n  title: Broken\n   version: 1\npaths: {}\n";
    let message = refused("broken.yaml", doc, &[]);
    assert_eq!(
        message,
        "guide-scopes-openapi: broken.yaml: not valid YAML: line 4, column 11: \
         mapping values are not allowed in this context\n"
    );
}

#[test]
fn a_json_syntax_error_gives_its_line_and_column() {
    let doc = "{\n  \"openapi\": \"3.1.0\",\n  \"paths\": {,}\n}\n";
    let message = refused("broken.json", doc, &[]);
    assert_eq!(
        message,
        "guide-scopes-openapi: broken.json: not valid JSON: line 3, column 13: key must be a string\n"
    );
}

#[test]
fn a_document_that_is_not_openapi_is_refused() {
    let message = refused("config.yaml", "name: my-app\nversion: 2\n", &[]);
    assert_eq!(
        message,
        "guide-scopes-openapi: config.yaml: not an OpenAPI or Swagger document: \
         it has neither an `openapi` nor a `swagger` field\n"
    );
    let message = refused("list.json", "[1, 2]", &[]);
    assert_eq!(
        message,
        "guide-scopes-openapi: list.json: not an OpenAPI or Swagger document: \
         the document is a list, not a mapping\n"
    );
    let message = refused("empty.yaml", "", &[]);
    assert_eq!(
        message,
        "guide-scopes-openapi: empty.yaml: not an OpenAPI or Swagger document: the document is empty\n"
    );
    let message = refused("old.yaml", "swagger: 1.2\n", &[]);
    assert_eq!(
        message,
        "guide-scopes-openapi: old.yaml: `swagger: 1.2` is a version this command does not read \
         (it reads OpenAPI 3.0 and 3.1, and Swagger 2.0)\n"
    );
}

#[test]
fn a_document_without_an_oauth_scheme_is_refused() {
    let doc = r#"openapi: 3.0.0
info: {title: Keys, version: "1"}
components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}}
security: [{key: []}]
paths: {/a: {get: {}}}
"#;
    let message = refused("keys.yaml", doc, &[]);
    assert_eq!(
        message,
        "guide-scopes-openapi: keys.yaml: no OAuth 2.0 or OpenID Connect security scheme \
         in `components.securitySchemes`, so no operation names the scopes it needs\n"
    );
    let swagger = "swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n";
    let message = refused("none.yaml", swagger, &[]);
    assert_eq!(
        message,
        "guide-scopes-openapi: none.yaml: no OAuth 2.0 or OpenID Connect security scheme \
         in `securityDefinitions`, so no operation names the scopes it needs\n"
    );
}

#[test]
fn a_document_where_no_operation_needs_oauth_is_refused() {
    let doc = r#"openapi: 3.0.0
info: {title: Open, version: "1"}
components: {securitySchemes: {oauth: {type: oauth2, flows: {}}}}
paths: {/a: {get: {security: []}, post: {}}}
"#;
    let message = refused("open.yaml", doc, &[]);
    assert_eq!(
        message,
        "guide-scopes-openapi: open.yaml: no operation requires an OAuth 2.0 or \
         OpenID Connect scheme (of 2 in the document)\n"
    );
}

#[test]
fn a_local_reference_that_points_at_nothing_is_refused() {
    let doc = r##"openapi: 3.0.0
info: {title: Refs, version: "1"}
components: {securitySchemes: {oauth: {type: oauth2, flows: {}}}}
security: [{oauth: [a]}]
paths:
  /a:
    get:
      responses:
        200:
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Missing"}
"##;
    let message = refused("refs.yaml", doc, &[]);
    assert_eq!(
        message,
        "guide-scopes-openapi: refs.yaml: `$ref: #/components/schemas/Missing` at \
         #/paths/~1a/get/responses/200/content/application~1json/schema points at nothing in the document\n"
    );

    let swagger = STORE_SWAGGER_20.replace("#/definitions/Order", "#/definitions/Ordre");
    let message = refused("store.yaml", &swagger, &[]);
    assert_eq!(
        message,
        "guide-scopes-openapi: store.yaml: `$ref: #/definitions/Ordre` at \
         #/paths/~1orders/get/responses/200/schema/items points at nothing in the document\n"
    );
}

#[test]
fn a_reference_that_leads_back_to_itself_is_refused() {
    let doc = r##"openapi: 3.0.0
info: {title: Loop, version: "1"}
components:
  securitySchemes:
    oauth: {$ref: "#/components/securitySchemes/auth"}
    auth: {$ref: "#/components/securitySchemes/oauth"}
paths: {}
"##;
    let message = refused("loop.yaml", doc, &[]);
    assert_eq!(
        message,
        "guide-scopes-openapi: loop.yaml: `$ref: #/components/securitySchemes/auth` at \
         #/components/securitySchemes/oauth leads back to itself\n"
    );
}

#[test]
fn remote_references_are_named_and_not_followed() {
    let doc = r#"openapi: 3.0.0
info: {title: Remote, version: "1"}
components: {securitySchemes: {oauth: {type: oauth2, flows: {}}}}
security: [{oauth: [a]}]
paths:
  /a:
    get:
      operationId: getA
      responses: {200: {$ref: "common.yaml#/components/responses/Ok"}}
  /b:
    $ref: "https://example.com/paths.yaml#/b"
"#;
    let run = convert("remote.yaml", doc, &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "[\n  {\"id\":\"get_a\",\"label\":\"Get a\",\"scopes\":[\"a\"],\"access\":\"read\"}\n]\n"
    );
    assert_eq!(
        run.stderr,
        "1 action from 1 operation (schemes: oauth)
not followed: `$ref: common.yaml#/components/responses/Ok` (another document)
not followed: `$ref: https://example.com/paths.yaml#/b` (another document)
"
    );
}

#[test]
fn a_requirement_that_names_an_undefined_scheme_is_refused() {
    let doc = r#"openapi: 3.0.0
info: {title: Typo, version: "1"}
components: {securitySchemes: {oauth: {type: oauth2, flows: {}}}}
paths: {/a: {get: {security: [{oath: [a]}]}}}
"#;
    let message = refused("typo.yaml", doc, &[]);
    assert_eq!(
        message,
        "guide-scopes-openapi: typo.yaml: GET /a requires security scheme `oath`, \
         which the document does not define\n"
    );
}

#[test]
fn a_part_of_the_wrong_type_is_named() {
    let doc = r#"openapi: 3.0.0
info: {title: Shapes, version: "1"}
components: {securitySchemes: {oauth: {type: oauth2, flows: {}}}}
paths: {/a: {get: {security: [{oauth: [read, 7]}]}}}
"#;
    let message = refused("shapes.yaml", doc, &[]);
    assert_eq!(
        message,
        "guide-scopes-openapi: shapes.yaml: #/paths/~1a/get/security/0/oauth/1 \
         should be a scope name, but is a number\n"
    );
}

#[test]
fn a_missing_file_is_named() {
    let run = run(&["/nonexistent/api.yaml"], None);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .starts_with("guide-scopes-openapi: cannot read /nonexistent/api.yaml: "),
        "{}",
        run.stderr
    );
}

/// Documents with values of every wrong type in the places the command reads.
#[test]
fn odd_documents_are_refused_with_a_message_never_a_panic() {
    let head = "openapi: 3.0.0\ncomponents: {securitySchemes: {oauth: {type: oauth2}}}\n";
    let bodies = [
        "paths: 5",
        "paths: [1, 2]",
        "paths: {/a: 5}",
        "paths: {/a: {get: []}}",
        "paths: {/a: {get: {security: {}}}}",
        "paths: {/a: {get: {security: [5]}}}",
        "paths: {/a: {get: {security: [{oauth: read}]}}}",
        "paths: {/a: {get: {security: [{oauth: ['']}]}}}",
        "security: 5\npaths: {/a: {get: {}}}",
        "paths: {/a: {get: {operationId: 5, summary: [], tags: 7, security: [{oauth: [a]}]}}}",
        "paths: {/a: {get: {operationId: '', summary: '', tags: [5], security: [{oauth: [a]}]}}}",
        "paths: {/a: {$ref: 5, get: {security: [{oauth: [a]}]}}}",
        "paths: {/a: {$ref: '#'}}",
        "paths: {/a: {$ref: '#/paths/~1a'}}",
        "paths: {/a: {get: {security: [{oauth: [a]}], x: {$ref: '#/%'}}}}",
        "paths: {/a: {get: {security: [{oauth: [a]}], x: {$ref: '#/%E2%82'}}}}",
        "paths: {/a: {get: {security: [{oauth: [a]}], x: {$ref: ''}}}}",
        "paths: {/a: {get: {security: [{oauth: [a]}], x: &x {y: *x}}}}",
        "paths: {/a: {get: {security: [{oauth: [a]}], x: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}}",
    ];
    for body in bodies {
        let run = convert("odd.yaml", &format!("{head}{body}\n"), &[]);
        assert!(
            matches!(run.code, Some(0 | 1)),
            "{body}: {:?} {}",
            run.code,
            run.stderr
        );
        assert!(
            run.stderr.starts_with(match run.code {
                Some(0) => "1 action",
                _ => "guide-scopes-openapi: odd.yaml: ",
            }),
            "{body}: {}",
            run.stderr
        );
    }
    let deep = format!(
        "{head}paths: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let message = refused("deep.yaml", &deep, &[]);
    assert!(
        message.starts_with("guide-scopes-openapi: deep.yaml: not valid YAML: "),
        "{message}"
    );
    let deep = format!(
        "{{\"openapi\": \"3.0.0\", \"paths\": {}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let message = refused("deep.json", &deep, &[]);
    assert!(
        message.starts_with("guide-scopes-openapi: deep.json: not valid JSON: "),
        "{message}"
    );
}
