'use strict';
/**
 * Imports run one way (scripts/import-cycles.js, `npm run check:imports`): no file imports itself
 * through others, and no folder does either (nodes/Outlit/transport never imports shared/, which
 * imports it). A type import counts: it is still a dependency a reader follows. The fixture proves
 * the check bites on both kinds of cycle.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'import-cycles.js');

function check(cwd, args = []) {
	const run = spawnSync(process.execPath, [SCRIPT, ...args], { cwd, encoding: 'utf8' });
	return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

test("the package's nodes/ and credentials/ have no import cycle between files or folders", () => {
	const { status, output } = check(ROOT);
	expect(output).toMatch(/^No import cycle among \d+ files in \d+ folders \(nodes, credentials\), between files or between folders\.$/m);
	expect(status).toBe(0);
});

describe('a tree with cycles fails the check, each cycle named', () => {
	let dir;
	beforeAll(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cycles-'));
		const write = (file, text) => {
			fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
			fs.writeFileSync(path.join(dir, file), text);
		};
		// A file cycle whose way back is a type import only.
		write('src/a.ts', "import { b } from './b';\nexport const a = () => b;\n");
		write('src/b.ts', "import type { A } from './a';\nexport type B = A;\nexport const b = 1;\n");
		// A folder cycle without a file cycle: x/one → y/two, y/three → x/four.
		write('src/x/one.ts', "import { two } from '../y/two';\nexport const one = two;\n");
		write('src/y/two.ts', 'export const two = 2;\n');
		write('src/y/three.ts', "import { four } from '../x/four';\nexport const three = four;\n");
		write('src/x/four.ts', 'export const four = 4;\n');
		// Not a cycle: a folder importing itself, and a type specifier inside braces going one way.
		write('src/z/five.ts', "import { type Six, six } from './six';\nexport const five: Six = six;\n");
		write('src/z/six.ts', 'export type Six = number;\nexport const six = 6;\n');
	});
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

	test('exits 1 and names the file cycle (a.ts → b.ts → a.ts through `import type`) and the folder cycle (x/ → y/ → x/)', () => {
		const { status, output } = check(dir, ['src']);
		expect(status).toBe(1);
		expect(output).toContain(`File cycle: ${path.join('src', 'a.ts')} -> ${path.join('src', 'b.ts')} -> ${path.join('src', 'a.ts')}`);
		expect(output).toContain(`Folder cycle: ${path.join('src', 'x')}/ -> ${path.join('src', 'y')}/ -> ${path.join('src', 'x')}/`);
		expect(output).toContain(`${path.join('src', 'x', 'one.ts')} imports ${path.join('src', 'y', 'two.ts')}`);
		expect(output).toContain(`${path.join('src', 'y', 'three.ts')} imports ${path.join('src', 'x', 'four.ts')}`);
		expect(output).toContain('1 file cycle(s), 1 folder cycle(s)');
		expect(output).not.toContain(path.join('src', 'z'));
	});

	test('without folder arguments it reads nodes/ and credentials/ under the working folder', () => {
		fs.cpSync(path.join(dir, 'src'), path.join(dir, 'nodes'), { recursive: true });
		fs.mkdirSync(path.join(dir, 'credentials'), { recursive: true });
		const { status, output } = check(dir);
		expect(status).toBe(1);
		expect(output).toContain(`File cycle: ${path.join('nodes', 'a.ts')} -> ${path.join('nodes', 'b.ts')} -> ${path.join('nodes', 'a.ts')}`);
		expect(output).toContain('(nodes, credentials)');
	});
});
