/**
 * «Справка»: what each tab and ribbon button does, the standard plan structure, the ШНОР rule with
 * the settings in force, what each issue code means, where the sheets go, what can be undone.
 * Offline and in Russian: everything is in the bundle. The issue codes come from the core's issue
 * catalogue, grouped by area.
 */
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { SEVERITY_RU } from '../../core/issue';
import { issueCatalogueByArea } from '../../core/issueCatalogue';
import type { Settings } from '../../core/settings';
import { count, percent, plural } from '../format';
import type { ViewId } from '../views';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalM} 0 0` },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  p: { margin: 0 },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  codes: { margin: 0, paddingLeft: 0, listStyleType: 'none' },
  codeItem: {
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold },
});

/** Every issue code, by area (files, the plan's table, numbers, deadlines, results…), each folded. */
function Codes() {
  const styles = useStyles();
  return (
    <>
      {issueCatalogueByArea().map((group) => (
        <details key={group.area}>
          <summary className={styles.summary}>{`${group.title} (${group.issues.length})`}</summary>
          <ul className={styles.codes} aria-label={group.title}>
            {group.issues.map((c) => (
              <li key={c.code} className={styles.codeItem}>
                <strong>{c.title}</strong>
                {` — ${SEVERITY_RU[c.severity]} `}
                <span className={styles.code}>{c.code}</span>
                <p className={styles.p}>{c.description}</p>
                {c.action ? <p className={styles.p}>{`Что сделать: ${c.action}`}</p> : null}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </>
  );
}

export interface HelpViewProps {
  settings: Settings;
  onOpen: (view: ViewId) => void;
}

export function HelpView({ settings, onOpen }: HelpViewProps) {
  const styles = useStyles();
  const go = (view: ViewId, text: string) => (
    <Link as="button" onClick={() => onOpen(view)}>
      {text}
    </Link>
  );
  return (
    <div className={styles.root}>
      <p className={styles.p}>
        Надстройка проверяет планы мероприятий («дорожные карты») поддержки школ с низкими
        образовательными результатами (ШНОР), считает критерии ШНОР по результатам ВПР, ОГЭ и ЕГЭ
        формулами Excel и создаёт лист на каждую школу. Всё работает внутри книги: данные никуда не
        отправляются, справка доступна без интернета.
      </p>

      <h3 className={styles.heading}>Вкладки панели</h3>
      <ul className={styles.list}>
        <li>
          {go('check', '«План»')} — проверяет активный лист с планом: столбцы, сроки, ответственных,
          нумерацию, показатели. Щелчок по замечанию выделяет его ячейку. Две вещи панель исправляет
          сама, только по вашей команде: строки-продолжения и номера, записанные не так, как
          остальные. Кнопка «Лист «Показатели плана»» строит по проверенному плану лист показателей;
          введённое в его жёлтые ячейки при повторном построении сохраняется.
        </li>
        <li>
          {go('results', '«Критерии»')} — находит таблицы результатов на ваших листах, показывает,
          как они прочитаны, и записывает листы критериев ШНОР с формулами.
        </li>
        <li>
          {go('report', '«Отчёт»')} — лист на каждую школу, оглавление со ссылками и свод по
          муниципалитетам с диаграммой. Сначала показывает, какие листы будут созданы, заменены,
          удалены.
        </li>
        <li>
          {go('settings', '«Настройки»')} — период плана, параметры правила ШНОР, свои сокращения,
          факторы риска. Хранятся в самой книге и переходят вместе с файлом.
        </li>
      </ul>

      <h3 className={styles.heading}>Кнопки на ленте «Дорожная карта»</h3>
      <ul className={styles.list}>
        <li>«Проверить план» — открывает панель и сразу проверяет активный лист.</li>
        <li>
          «Вставить шаблон» — добавляет лист «План мероприятий» со стандартной структурой; ваши
          листы не меняются.
        </li>
        <li>«Критерии ШНОР», «Отчёт по школам», «Настройки» — открывают свою вкладку панели.</li>
        <li>«Справка» — эта страница.</li>
      </ul>

      <h3 className={styles.heading}>Стандартная структура плана</h3>
      <p className={styles.p}>
        № · Мероприятие · Срок · Ответственные · Ожидаемый результат · Показатель · Целевое значение
        · Отметка о выполнении. Обязательны первые четыре столбца; шапка ищется в первых 30 строках.
        Заголовки узнаются в разных формулировках («№ п/п», «Сроки исполнения», «Ответственные
        исполнители»), разделы, строки-продолжения из Word и PDF, повторы шапки и подписи после
        таблицы тоже.
      </p>
      <p className={styles.p}>
        Сроки: дата, несколько дат, диапазон, «до 15.02.2023», месяц, квартал, полугодие, год,
        учебный год, «в течение года», «ежеквартально»; ссылка на другой документ («по отдельному
        графику») ошибкой не считается.
      </p>

      <h3 className={styles.heading}>Правило ШНОР и его настройки</h3>
      <ul className={styles.list}>
        <li>
          Процедура — вид, класс и предмет («ВПР 5 Математика»); учитываются русский язык и
          математика, ВПР 4–8 классов, ОГЭ и ЕГЭ.
        </li>
        <li>
          {`Доля «2» = число «2» ÷ число участников. Процедура низкая, если доля не меньше порога: сейчас ${percent(settings.threshold)}.`}
        </li>
        <li>Триггер А: в году две и более разные процедуры низкие.</li>
        <li>Триггер Б: одна и та же процедура низкая два года подряд.</li>
        <li>ШНОР = А или Б; в листах всегда названы триггер и процедуры.</li>
        <li>
          {`Результат есть при числе участников не меньше ${count(settings.minParticipants)}; меньше ${count(settings.smallSample)} — «малая выборка» (отмечается, но учитывается).`}
        </li>
        <li>
          {`Стагнация — ${plural(settings.stagnationYears, 'год', 'года', 'лет')} подряд в перечне и больше; положительная динамика — доля «2» предмета снизилась больше чем на ${count(settings.dynamicsDelta)} п.\u00A0п.`}
        </li>
      </ul>
      <p className={styles.p}>Изменить параметры: вкладка {go('settings', '«Настройки»')}.</p>

      <h3 className={styles.heading}>Что означают замечания</h3>
      <Codes />

      <h3 className={styles.heading}>Куда пишутся листы</h3>
      <ul className={styles.list}>
        <li>
          Всё пишется в эту же книгу. Критерии — листы «Настройки», «Результаты», «Критерии»,
          «Показатели»; отчёт — ещё «Оглавление», «Свод» и лист на каждую школу, а с проверенным
          планом — «Показатели плана».
        </li>
        <li>
          Ваши листы надстройка не меняет. Если имя занято вашим листом, её лист получит имя с
          номером: «Результаты (2)». Свои листы прошлых запусков она находит и заменяет, даже
          переименованные; если вы правили такой лист, ваш вариант сначала сохраняется под другим
          именем (отчёт заранее показывает каким).
        </li>
        <li>
          Настройки и ход незаконченной записи хранятся в самой книге. Командная строка
          (shnor-roadmap) пишет те же листы в файлы .xlsx.
        </li>
      </ul>

      <h3 className={styles.heading}>Одно действие за раз</h3>
      <p className={styles.p}>
        Пока идёт проверка, расчёт или запись отчёта, остальные кнопки, которые работают с книгой,
        недоступны; рядом написано, что сейчас идёт. Долгую запись отчёта можно отменить и потом
        продолжить с места остановки.
      </p>

      <h3 className={styles.heading}>Отмена</h3>
      <p className={styles.p}>
        Кнопка «Отменить последнее действие надстройки» возвращает листы, созданные надстройкой, к
        прежнему виду, удаляет созданные последним действием и возвращает ячейки, которые изменило
        исправление (кроме тех, что вы изменили после). В новых версиях Excel расчёт и исправление
        отменяются и клавишами Ctrl+Z одним шагом. Удаление и копирование листов Excel не отменяет
        никогда.
      </p>
    </div>
  );
}
